/**
 * Resolves what one session runs with: the global sections, overridden by `sessions.<sessionId>`. The
 * machine's part (`SessionSettings`) goes into its context; the rest (persona, speech, prompt) is read by
 * the LLM and outbox workers. A group session's proactive settings are `proactive`, overlaid with
 * `groups.proactive` (the group defaults of seed 000 v1.x), then with the session's own overrides.
 */
import type { SessionSettings } from '../../machines/session-types.js';
import { adminIdsFor } from './admins.js';
import type { KizunaConfig } from './schema.js';

/** The machine settings of `sessionId`; pure. */
export function sessionSettingsFor(config: KizunaConfig, sessionId: string): SessionSettings {
  const override = config.sessions[sessionId] ?? {};
  const group = isGroupSession(sessionId);
  const groups = { ...config.groups, ...override.groups, proactive: { ...config.groups.proactive, ...override.groups?.proactive } };
  const proactive = { ...config.proactive, ...(group ? { ...groups.proactive, policy: 'random-delay' as const } : {}), ...override.proactive };
  const { prompt: _prompt, contextSource: _source, platformHistoryMessages: _count, timezone, ...machineProactive } = proactive;
  const heartflow = heartflowFor(config, override, sessionId);
  return {
    debounce: { ...config.debounce, ...override.debounce },
    wait: { ...config.wait, ...override.wait },
    thinking: { ...config.thinking, ...override.thinking },
    proactive: { ...machineProactive, timezone: timezone ?? config.timezone },
    reply: { ...config.reply, ...override.reply, split: { ...config.reply.split, ...override.reply?.split } },
    reminders: { ...config.reminders, ...override.reminders },
    memos: { ...config.memos, ...override.memos },
    wakeup: { ...config.wakeup, ...override.wakeup },
    admins: adminIdsFor(config.admins, sessionId),
    groups: {
      wakeWords: groups.wakeWords,
      memoryMaxMessages: groups.memoryMaxMessages,
      imageWindow: groups.imageWindow,
      maxImagesPerRequest: groups.maxImagesPerRequest,
      pendingMaxRounds: groups.pendingMaxRounds,
      captionImages: groups.captionImages,
    },
    heartflow,
  };
}

function heartflowFor(config: KizunaConfig, override: KizunaConfig['sessions'][string], sessionId: string): SessionSettings['heartflow'] {
  const heartflow = { ...config.heartflow, ...override.heartflow };
  return {
    enabled: heartflow.enabled,
    // Seed 001: with the whitelist on, only listed groups are judged (an empty list blocks all).
    listed: !heartflow.whitelistEnabled || heartflow.whitelist.includes(sessionId),
    threshold: heartflow.threshold,
    weights: { ...config.heartflow.weights, ...override.heartflow?.weights },
    minReplyIntervalSeconds: heartflow.minReplyIntervalSeconds,
    settleSeconds: heartflow.settleSeconds,
    maxSettleSeconds: heartflow.maxSettleSeconds,
    energy: { ...config.heartflow.energy, ...override.heartflow?.energy },
  };
}

/**
 * The settings class of `sessionId`: sessions with equal keys get equal machine settings from
 * `sessionSettingsFor`, so a worker resolves and interns them once per class instead of once per new session.
 * The key holds everything `sessionSettingsFor` reads of the session id: its own overrides (a session that
 * has some is a class of its own), its platform (admin ids), whether it is a group, and whether the Heartflow
 * whitelist lists it; pure.
 */
export function settingsClassOf(config: KizunaConfig, sessionId: string): string {
  // Two flag characters and the platform, or `s` and the session id: no two different classes share a key.
  if (config.sessions[sessionId] !== undefined) return `s${sessionId}`;
  const [platform = '', chatType] = sessionId.split(':', 2);
  const { whitelistEnabled, whitelist } = config.heartflow;
  const listed = !whitelistEnabled || whitelist.includes(sessionId);
  return `${chatType === 'group' ? 'g' : 'p'}${listed ? 'l' : 'u'}${platform}`;
}

/** True for a `<platform>:group:<id>` session; pure. */
export function isGroupSession(sessionId: string): boolean {
  return sessionId.split(':')[1] === 'group';
}

/** What the workers outside the machine need of one session: persona, proactive prompt, speech, group prompts; pure. */
export function sessionExtrasFor(config: KizunaConfig, sessionId: string) {
  const override = config.sessions[sessionId] ?? {};
  const proactive = { ...config.proactive, ...override.proactive };
  const groups = { ...config.groups, ...override.groups };
  const heartflow = { ...config.heartflow, ...override.heartflow };
  return {
    persona: override.persona ?? config.persona,
    timezone: config.timezone,
    proactivePrompt: proactive.prompt,
    contextSource: proactive.contextSource,
    platformHistoryMessages: proactive.platformHistoryMessages,
    tts: { ...config.tts, ...override.tts },
    group: {
      promptMessages: groups.promptMessages,
      captionPrompt: groups.captionPrompt,
      judgeMaxRetries: heartflow.maxRetries,
      judgeContextMessages: heartflow.contextMessages,
      judgeIncludeReasoning: heartflow.includeReasoning,
    },
  };
}
