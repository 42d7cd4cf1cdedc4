/**
 * Resolves what one session runs with: the global sections, overridden by `sessions.<sessionId>`. The
 * machine's part (`SessionSettings`) goes into its context; the rest (persona, speech, prompt) is read by
 * the LLM and outbox workers. A group session's proactive settings are `proactive`, overlaid with
 * `groups.proactive` (the group defaults of seed 000 v1.x), then with the session's own overrides.
 */
import type { SessionSettings } from '../../machines/session-types.js';
import { adminIdsOn } from './admins.js';
import type { KizunaConfig } from './schema.js';

/**
 * All that a session's machine settings depend on besides the configuration. Settings are built from these
 * alone (`settingsFrom`), so sessions with equal inputs get equal settings, and `settingsClassOf` can name
 * a class by them.
 */
interface SettingsInputs {
  /** The session, when it has overrides of its own under `sessions`; null otherwise. */
  overridden: string | null;
  platform: string;
  group: boolean;
  /** Whether the Heartflow whitelist (when on) lists the session. */
  listed: boolean;
}

function settingsInputsOf(config: KizunaConfig, sessionId: string): SettingsInputs {
  const override = config.sessions[sessionId];
  const [platform = '', chatType] = sessionId.split(':', 2);
  // Called on every drain: the configured section itself unless the session overrides it.
  const { whitelistEnabled, whitelist } = override?.heartflow === undefined ? config.heartflow : { ...config.heartflow, ...override.heartflow };
  return {
    overridden: override === undefined ? null : sessionId,
    platform,
    group: chatType === 'group',
    listed: !whitelistEnabled || whitelist.includes(sessionId),
  };
}

/** The machine settings of `sessionId`; pure. */
export function sessionSettingsFor(config: KizunaConfig, sessionId: string): SessionSettings {
  return settingsFrom(config, settingsInputsOf(config, sessionId));
}

/**
 * The settings class of `sessionId`: sessions with equal keys get equal machine settings, so a worker
 * resolves and interns them once per class instead of once per new session. The key is made of the inputs
 * the settings are built from: a session with overrides of its own is a class of its own; pure.
 */
export function settingsClassOf(config: KizunaConfig, sessionId: string): string {
  const inputs = settingsInputsOf(config, sessionId);
  // Two flag characters and the platform, or `s` and the session id: no two different classes share a key.
  if (inputs.overridden !== null) return `s${inputs.overridden}`;
  return `${inputs.group ? 'g' : 'p'}${inputs.listed ? 'l' : 'u'}${inputs.platform}`;
}

function settingsFrom(config: KizunaConfig, inputs: SettingsInputs): SessionSettings {
  const override = inputs.overridden === null ? {} : (config.sessions[inputs.overridden] ?? {});
  const groups = { ...config.groups, ...override.groups, proactive: { ...config.groups.proactive, ...override.groups?.proactive } };
  const proactive = { ...config.proactive, ...(inputs.group ? { ...groups.proactive, policy: 'random-delay' as const } : {}), ...override.proactive };
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
    admins: adminIdsOn(config.admins, inputs.platform),
    groups: {
      wakeWords: groups.wakeWords,
      memoryMaxMessages: groups.memoryMaxMessages,
      imageWindow: groups.imageWindow,
      maxImagesPerRequest: groups.maxImagesPerRequest,
      pendingMaxRounds: groups.pendingMaxRounds,
      captionImages: groups.captionImages,
    },
    heartflow: heartflowFor(config, override, inputs.listed),
  };
}

function heartflowFor(config: KizunaConfig, override: KizunaConfig['sessions'][string], listed: boolean): SessionSettings['heartflow'] {
  const heartflow = { ...config.heartflow, ...override.heartflow };
  return {
    enabled: heartflow.enabled,
    // Seed 001: with the whitelist on, only listed groups are judged (an empty list blocks all).
    listed,
    threshold: heartflow.threshold,
    weights: { ...config.heartflow.weights, ...override.heartflow?.weights },
    minReplyIntervalSeconds: heartflow.minReplyIntervalSeconds,
    settleSeconds: heartflow.settleSeconds,
    maxSettleSeconds: heartflow.maxSettleSeconds,
    energy: { ...config.heartflow.energy, ...override.heartflow?.energy },
  };
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
