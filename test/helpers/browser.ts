/**
 * Headless Chromium for the console's end-to-end tests, driven by playwright-core with the system's
 * /usr/bin/chromium and a fresh profile. Where Chromium is missing the tests are skipped with a message,
 * unless KIZUNA_REQUIRE_BROWSER=1 (set by CI), which makes them fail instead.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether to run, skip (with the reason) or fail the browser tests on this machine. */
export function browserAvailability(): { run: true } | { run: false; required: boolean; reason: string } {
  if (existsSync(chromiumPath)) return { run: true };
  const required = process.env.KIZUNA_REQUIRE_BROWSER === '1';
  return { run: false, required, reason: `${chromiumPath} is missing (apt-get install -y chromium)${required ? ', and KIZUNA_REQUIRE_BROWSER=1 requires it' : '; set KIZUNA_REQUIRE_BROWSER=1 to make this a failure'}` };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with an empty profile directory, removed on close. Performs I/O. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kizuna-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
