import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor, settingsClassOf } from '../../src/config/session-settings.js';
import { settingsByClass } from '../../src/runtime/settings-by-class.js';

const config = parseConfig({
  admins: ['qq:42', '7', 'telegram:99'],
  heartflow: { enabled: true, whitelistEnabled: true, whitelist: ['qq:group:1', 'qq:group:2'] },
  groups: { wakeWords: ['Miko'] },
  sessions: {
    'qq:private:vip': { wait: { maxSeconds: 900 } },
    'qq:group:3': { heartflow: { enabled: false } },
  },
});

const sessionIds = [
  'qq:private:a',
  'qq:private:b',
  'qq:private:vip',
  'qq:group:1',
  'qq:group:2',
  'qq:group:3',
  'qq:group:4',
  'qq:group:5',
  'telegram:private:a',
  'telegram:private:b',
  'telegram:group:1',
  'http:private:alice',
  'http:private:bob',
  'http:group:room',
  'discord:group:x',
];

describe('settings classes', () => {
  it('gives sessions the same class only when their machine settings are equal', () => {
    for (const left of sessionIds) {
      for (const right of sessionIds) {
        if (settingsClassOf(config, left) !== settingsClassOf(config, right)) continue;
        expect(sessionSettingsFor(config, right), `${left} and ${right}`).toEqual(sessionSettingsFor(config, left));
      }
    }
  });

  it('tells apart what the settings depend on: platform, chat type, the Heartflow whitelist and own overrides', () => {
    const classOf = (sessionId: string) => settingsClassOf(config, sessionId);
    expect(classOf('qq:private:a')).toBe(classOf('qq:private:b'));
    expect(classOf('qq:group:1')).toBe(classOf('qq:group:2'));
    expect(classOf('qq:group:4')).toBe(classOf('qq:group:5'));
    expect(classOf('qq:group:1')).not.toBe(classOf('qq:group:4'));
    expect(classOf('qq:private:a')).not.toBe(classOf('qq:group:4'));
    expect(classOf('qq:private:a')).not.toBe(classOf('telegram:private:a'));
    expect(classOf('qq:private:vip')).not.toBe(classOf('qq:private:a'));
    expect(classOf('qq:group:3')).not.toBe(classOf('qq:group:4'));
    // Sessions with their own overrides are classes of their own, even when they share everything else.
    expect(new Set(sessionIds.map(classOf)).size).toBe(10);
  });

  it('puts every group in one class while the whitelist is off', () => {
    const open = parseConfig({ heartflow: { enabled: true, whitelist: ['qq:group:1'] } });
    expect(settingsClassOf(open, 'qq:group:1')).toBe(settingsClassOf(open, 'qq:group:9'));
    expect(sessionSettingsFor(open, 'qq:group:1')).toEqual(sessionSettingsFor(open, 'qq:group:9'));
  });
});

describe('settings resolved by class', () => {
  it('gives every session of a class the same interned settings, equal to its own resolution', () => {
    const settingsFor = settingsByClass(config);
    expect(settingsFor('qq:private:a')).toBe(settingsFor('qq:private:b'));
    expect(settingsFor('qq:group:4')).toBe(settingsFor('qq:group:5'));
    for (const sessionId of sessionIds) expect(settingsFor(sessionId), sessionId).toEqual(sessionSettingsFor(config, sessionId));
    expect(settingsFor('qq:private:vip').wait.maxSeconds).toBe(900);
    expect(Object.isFrozen(settingsFor('qq:private:a'))).toBe(true);
  });
});
