import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configWarnings, loadConfig, parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor } from '../../src/config/session-settings.js';

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kizuna-config-test-')), 'kizuna.yaml');
  writeFileSync(path, text);
  return path;
}

describe('configuration', () => {
  it('has the seeds defaults when empty', () => {
    const config = parseConfig({});
    expect(config.debounce).toMatchObject({ enabled: true, threshold: 0.8, timeoutSeconds: 10 });
    expect(config.wait).toEqual({ minSeconds: 10, maxSeconds: 600, maxConsecutiveTimeouts: 3 });
    expect(config.http).toMatchObject({ host: '127.0.0.1', maxBodyBytes: 65536 });
  });

  it('reads YAML and lets the environment win for endpoints and secrets', () => {
    const path = yamlFile('http:\n  port: 9000\n  token: from-file\nredis:\n  url: redis://file:1\n');
    const config = loadConfig({ path, env: { REDIS_URL: 'redis://env:2', KIZUNA_API_TOKEN: 'from-env', KIZUNA_HTTP_PORT: '9100' } });
    expect(config.redis.url).toBe('redis://env:2');
    expect(config.http).toMatchObject({ port: 9100, token: 'from-env' });
  });

  it('names every invalid key and refuses unknown ones', () => {
    expect(() => parseConfig({ http: { port: -1 }, debounce: { threshold: 2 }, bogus: true })).toThrow(
      /http\.port: .*; debounce\.threshold: .*; \(root\): Unrecognized key: "bogus"/,
    );
  });

  it('reports unreadable and malformed files clearly', () => {
    expect(() => loadConfig({ path: '/nonexistent/kizuna.yaml', env: {} })).toThrow(/cannot read config file/);
    expect(() => loadConfig({ path: yamlFile('http: [unclosed'), env: {} })).toThrow(/not valid YAML/);
  });

  it('applies per-session overrides over the global settings', () => {
    const config = parseConfig({ wait: { maxSeconds: 300 }, sessions: { 'http:private:vip': { wait: { maxSeconds: 900 } } } });
    expect(sessionSettingsFor(config, 'http:private:vip').wait).toEqual({ minSeconds: 10, maxSeconds: 900, maxConsecutiveTimeouts: 3 });
    expect(sessionSettingsFor(config, 'http:private:other').wait.maxSeconds).toBe(300);
  });

  it('a one-key session override keeps the global values of the rest of the section (nested ones too)', () => {
    const config = parseConfig({
      debounce: { threshold: 0.6, timeoutSeconds: 2 },
      reply: { split: { enabled: true, maxLength: 50 } },
      sessions: { 'http:private:vip': { debounce: { maxFragments: 8 }, reply: { split: { maxLength: 70 } } } },
    });
    const settings = sessionSettingsFor(config, 'http:private:vip');
    expect(settings.debounce).toMatchObject({ threshold: 0.6, timeoutSeconds: 2, maxFragments: 8 });
    expect(settings.reply.split).toMatchObject({ enabled: true, maxLength: 70 });
  });

  it('refuses per-session sections whose key is not a session id, and warns about speech without a model', () => {
    expect(() => parseConfig({ sessions: { 'alice': { persona: 'x' } } })).toThrow(/sessions\.alice: Invalid key/);
    expect(configWarnings(parseConfig({ tts: { enabled: true } }))).toHaveLength(2);
    expect(configWarnings(parseConfig({ tts: { enabled: true }, llm: { apiKey: 'k', models: { tts: 'tts-1' } } }))).toEqual([]);
  });
});
