/**
 * Resolves what one session runs with: the global sections, overridden by `sessions.<sessionId>`. The
 * machine's part (`SessionSettings`) goes into its context; the rest (persona, speech, prompt) is read by
 * the LLM and outbox workers.
 */
import type { SessionSettings } from '../../machines/session-types.js';
import type { KizunaConfig } from './schema.js';

/** The machine settings of `sessionId`; pure. */
export function sessionSettingsFor(config: KizunaConfig, sessionId: string): SessionSettings {
  const override = config.sessions[sessionId] ?? {};
  const proactive = { ...config.proactive, ...override.proactive };
  const { prompt: _prompt, contextSource: _source, platformHistoryMessages: _count, timezone, ...machineProactive } = proactive;
  return {
    debounce: { ...config.debounce, ...override.debounce },
    wait: { ...config.wait, ...override.wait },
    thinking: { ...config.thinking, ...override.thinking },
    proactive: { ...machineProactive, timezone: timezone ?? config.timezone },
    reply: { ...config.reply, ...override.reply, split: { ...config.reply.split, ...override.reply?.split } },
    reminders: { ...config.reminders, ...override.reminders },
    memos: { ...config.memos, ...override.memos },
    wakeup: { ...config.wakeup, ...override.wakeup },
  };
}

/** What the workers outside the machine need of one session: persona, proactive prompt, speech; pure. */
export function sessionExtrasFor(config: KizunaConfig, sessionId: string) {
  const override = config.sessions[sessionId] ?? {};
  const proactive = { ...config.proactive, ...override.proactive };
  return {
    persona: override.persona ?? config.persona,
    timezone: config.timezone,
    proactivePrompt: proactive.prompt,
    contextSource: proactive.contextSource,
    platformHistoryMessages: proactive.platformHistoryMessages,
    tts: { ...config.tts, ...override.tts },
  };
}
