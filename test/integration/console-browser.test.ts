/**
 * The web console end to end, as a person uses it: `kizuna start` (offline model) on the test Redis,
 * headless Chromium on its page. Chat in a private chat and in a group as two users, with an image; see
 * the session's state change, the bot's replies arrive, the diagram's highlight move and the transitions
 * listed, timers and LLM calls shown, and replay reproduce the snapshot. With a token, the page asks for
 * it and then works. Skipped with a message where Chromium is missing, unless KIZUNA_REQUIRE_BROWSER=1.
 */
import { Redis } from 'ioredis';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, browserAvailability, launchBrowser } from '../helpers/browser.js';
import { type KizunaProcess, spawnKizuna, waitForOutput, writeConfigFile } from '../helpers/kizuna-process.js';
import { deletePrefix } from '../helpers/redis-cleanup.js';
import { testConfig } from '../helpers/test-config.js';

const availability = browserAvailability();
if (!availability.run && !availability.required) console.warn(`console browser tests skipped: ${availability.reason}`);

interface Console {
  process: KizunaProcess;
  url: string;
  prefix: string;
  stop(): Promise<void>;
}

/** Runs `kizuna start` as a user would, on the suite's Redis, and reads the console address it prints. */
async function startKizuna(overrides: Parameters<typeof testConfig>[0] = {}): Promise<Console> {
  const config = testConfig(overrides);
  const redisUrl = inject('redisUrl');
  const process = spawnKizuna(['start', '--config', writeConfigFile(config)], { REDIS_URL: redisUrl });
  await waitForOutput(process, /Console: open http:\/\/\S+/, 60_000);
  const url = /Console: open (http:\/\/[^/\s]+)\//.exec(process.output())![1]!;
  return {
    process,
    url,
    prefix: config.redis.prefix,
    async stop() {
      process.kill('SIGTERM');
      await process.exited;
      const cleaner = new Redis(redisUrl);
      await deletePrefix(cleaner, config.redis.prefix).catch(() => undefined);
      cleaner.disconnect();
    },
  };
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-text').fill(text);
  await page.getByTestId('composer-text').press('Enter');
}

const activeState = (page: Page) => page.locator('.diagram svg').getAttribute('data-active');

describe.runIf(availability.run || availability.required)('the web console in Chromium', () => {
  let kizuna: Console;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!availability.run) throw new Error(`cannot run the console browser tests: ${availability.reason}`);
    kizuna = await startKizuna();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // The browser logs every HTTP error as a console error; responses are checked below instead.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
    });
    // A session nobody has written to yet is a 404; no other request may fail.
    page.on('response', (response) => {
      const newSession = response.status() === 404 && /\/v1\/sessions\/[^/]+$/.test(new URL(response.url()).pathname);
      if (response.status() >= 400 && !newSession) problems.push(`${response.status()} for ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      if (!request.url().includes('/v1/stream')) problems.push(`request failed: ${request.url()}`);
    });
    // Nothing may be fetched from anywhere but kizuna itself.
    await browser.context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
      problems.push(`outside request: ${route.request().url()}`);
      return route.abort();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await kizuna?.stop();
  });

  it('chats in a private chat: the state changes, the reply appears, the diagram highlight moves', async () => {
    await page.goto(`${kizuna.url}/`);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('live');
    await page.getByTestId('chat-id').fill('alice');
    await page.getByTestId('open-chat').click();
    await page.waitForURL(/#\/s\/http%3Aprivate%3Aalice$/);
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('new');
    expect(await activeState(page)).toBe('idle');

    await send(page, 'hello there.');
    await page.getByTestId('bot-message').filter({ hasText: 'You said "hello there.". I\'m listening.' }).waitFor();
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('waiting');
    await expect.poll(() => activeState(page)).toBe('waiting');
    expect(await page.locator('.diagram svg .state.active').getAttribute('data-state')).toBe('waiting');
    await expect.poll(() => page.locator('[data-testid="sessions"] li[data-session-id="http:private:alice"]').getAttribute('data-state')).toBe('waiting');
    await expect.poll(() => page.getByTestId('user-message').allTextContents()).toEqual([expect.stringContaining('hello there.')]);
    await expect.poll(() => page.locator('[data-testid="timers"] li[data-name="wait"] .countdown').textContent()).toMatch(/^in \d+(\.\d) s$|^in \d+ min \d+ s$/);
    await expect.poll(() => page.locator('[data-testid="llm-calls"] .llm-call').first().getAttribute('data-outcome')).toBe('decided');
    const trail = await page.getByTestId('transition-trail').locator('li').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-event')}:${item.getAttribute('data-from')}>${item.getAttribute('data-to')}`));
    // The event and the eventless step after it are one transition on the stream: idle → awaiting-llm.
    expect(trail).toContain('message.received:idle>awaiting-llm');
    expect(trail).toContain('llm.replied:awaiting-llm>waiting');

    // "ok" gets no answer from the offline model and no wait: the highlight moves back to idle.
    await send(page, 'ok');
    await expect.poll(() => activeState(page)).toBe('idle');
    await expect.poll(() => page.getByTestId('session-state').textContent()).toBe('idle');
    await expect.poll(() => page.getByTestId('transition-trail').locator('li').first().getAttribute('data-to')).toBe('idle');
    expect(await page.getByTestId('bot-message').count()).toBe(1);

    await page.getByTestId('replay').click();
    await expect.poll(() => page.getByTestId('replay-result').getAttribute('data-reproduced')).toBe('true');
    expect(await page.getByTestId('replay-result').textContent()).toMatch(/^✓ Reproduced: \d+ events replayed/);
  });

  it('chats in a group as two users, with an uploaded image shown in the chat', async () => {
    await page.getByTestId('chat-type').selectOption('group');
    await page.getByTestId('chat-id').fill('friends');
    await page.getByTestId('open-chat').click();
    await page.waitForURL(/#\/s\/http%3Agroup%3Afriends$/);
    await page.getByTestId('composer-user').fill('Alice');
    // In a group the bot answers what is addressed to it (Heartflow is off by default): tick "@bot".
    await page.getByTestId('composer-mention').check();
    const picture = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#36a' } }).png().toBuffer();
    await page.getByTestId('composer-image').setInputFiles({ name: 'blue.png', mimeType: 'image/png', buffer: picture });
    await page.getByTestId('composer-previews').locator('img').waitFor();
    await send(page, 'look at my picture.');
    await page.getByTestId('bot-message').filter({ hasText: 'look at my picture.' }).waitFor();

    await page.getByTestId('composer-user').fill('Bob');
    await page.getByTestId('composer-mention').check();
    await send(page, 'nice one, Alice!');
    await page.getByTestId('bot-message').filter({ hasText: 'nice one, Alice!' }).waitFor();
    await expect.poll(() => page.getByTestId('user-message').locator('.meta strong').allTextContents()).toEqual(['Alice', 'Bob']);
    const image = page.getByTestId('user-message').first().locator('img');
    expect(await image.getAttribute('src')).toMatch(/^\/v1\/images\/[0-9a-f]{64}$/);
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBe(24);
    await expect.poll(() => page.locator('[data-testid="sessions"] li').count()).toBe(2);
    expect(problems).toEqual([]);
  });

  it('shows the "not a session id" page for an address that is not one, malformed percent-escapes included', async () => {
    const problem = page.locator('.card.problem pre');
    await page.goto(`${kizuna.url}/#/s/not-a-session`);
    await expect.poll(() => problem.textContent()).toBe('"not-a-session" is not a session id (<platform>:<private|group>:<chatId>)');
    await page.goto(`${kizuna.url}/#/s/%E0%A4%A`);
    await expect.poll(() => problem.textContent()).toBe('"%E0%A4%A" is not a session id (<platform>:<private|group>:<chatId>)');
    // The page still routes afterwards.
    await page.goto(`${kizuna.url}/#/s/http%3Aprivate%3Aalice`);
    await page.getByTestId('session-state').waitFor();
    expect(await problem.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe.runIf(availability.run)('the web console with an API token', () => {
  let kizuna: Console;
  let browser: Browser;

  beforeAll(async () => {
    kizuna = await startKizuna({ http: { token: 'open sesame' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await kizuna?.stop();
  });

  it('asks for the token, then keeps it in a cookie and works', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${kizuna.url}/`);
    await page.getByTestId('token').fill('open sesame');
    await page.getByTestId('token').press('Enter');
    await page.waitForURL(`${kizuna.url}/`);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('live');
    await page.getByTestId('chat-id').fill('zoe');
    await page.getByTestId('open-chat').click();
    await send(page, 'is this thing on?');
    await page.getByTestId('bot-message').filter({ hasText: 'is this thing on?' }).waitFor();
    const cookies = await browser.context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'kizuna_token')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });
});
