/**
 * Resolves the settings one session runs with: the global sections, overridden by `sessions.<sessionId>`.
 */
import type { SessionSettings } from '../../machines/session-types.js';
import type { KizunaConfig } from './schema.js';

/** The effective settings of `sessionId`; pure. */
export function sessionSettingsFor(config: KizunaConfig, sessionId: string): SessionSettings {
  const override = config.sessions[sessionId] ?? {};
  return {
    debounce: { ...config.debounce, ...override.debounce },
    wait: { ...config.wait, ...override.wait },
    proactive: { ...config.proactive, ...override.proactive },
  };
}
