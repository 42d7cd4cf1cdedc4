/**
 * Which machine settings a session runs with, as the drain path asks for them: resolved from the
 * configuration once per settings class and interned, so sessions of a class share one frozen object.
 */
import type { SessionSettings } from '../../machines/session-types.js';
import type { KizunaConfig } from '../config/schema.js';
import { sessionSettingsFor, settingsClassOf } from '../config/session-settings.js';
import { shareSettings } from './shared-settings.js';

/**
 * The interned machine settings of a session, resolved once per settings class (`settingsClassOf`): a new
 * session of a known class costs a map lookup instead of building, serialising and interning its settings
 * (~20–30 µs of a new session's first drain; docs/benchmarks.md). The map holds one entry per class and per
 * session with its own overrides, so it stays as small as the configuration.
 */
export function settingsByClass(config: KizunaConfig): (sessionId: string) => SessionSettings {
  const byClass = new Map<string, SessionSettings>();
  return (sessionId) => {
    const key = settingsClassOf(config, sessionId);
    let settings = byClass.get(key);
    if (settings === undefined) {
      settings = shareSettings(sessionSettingsFor(config, sessionId)).settings;
      byClass.set(key, settings);
    }
    return settings;
  };
}
