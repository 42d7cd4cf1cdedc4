/**
 * Which model answers in this process: the configured OpenAI-compatible endpoint (through the openai SDK),
 * or, when none is configured, the built-in offline model. Also the speech model and how a request's prompt
 * material (persona, history, mental log) is read.
 */
import { hasLlmEndpoint } from '../config/load-config.js';
import type { KizunaConfig } from '../config/schema.js';
import { sessionExtrasFor } from '../config/session-settings.js';
import { createGroupModels, type GroupModels } from '../groups/group-models.js';
import type { SpeechModel } from '../llm/chat-model.js';
import { recordingChatModel } from '../llm/exchange-recorder.js';
import type { LlmClient, PromptMaterial, TextRequest, TurnRequest } from '../llm/llm-types.js';
import { createOfflineLlm } from '../llm/offline-llm.js';
import { OpenAiChatModel } from '../llm/openai-chat-model.js';
import { createOpenAiLlmClient } from '../llm/openai-llm-client.js';
import { loadTemplates } from '../llm/prompt-templates.js';
import type { CaptionStore } from '../stores/caption-store.js';
import type { ConversationStore } from '../stores/conversation-store.js';
import type { PersonaSummaries } from '../stores/persona-summaries.js';
import type { SpeechSettings } from './outbox-delivery.js';

export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1';

/** The Redis stores the LLM worker reads prompts from and writes captions to. */
export interface MaterialStores {
  conversations: ConversationStore;
  captions: CaptionStore;
  personas: PersonaSummaries;
}

export interface LlmParts {
  client: LlmClient;
  speech: SpeechModel | null;
  material: (stores: MaterialStores) => (request: TurnRequest | TextRequest) => Promise<PromptMaterial>;
  /** The judge and caption calls of group chats; undefined with the offline model (judgements fail closed). */
  groups: (stores: MaterialStores) => GroupModels | undefined;
}

/** Resolves the LLM client and speech model for `config` (overrides win). */
export function llmParts(config: KizunaConfig, client?: LlmClient, speech?: SpeechModel | null): LlmParts {
  const endpoint = hasLlmEndpoint(config)
    ? new OpenAiChatModel({ baseUrl: config.llm.baseUrl ?? defaultOpenAiBaseUrl, apiKey: config.llm.apiKey ?? 'none', timeoutMs: config.llm.timeoutSeconds * 1000 })
    : null;
  // Every model call goes through the recording wrapper, so the console's LLM call log sees it.
  const recorded = endpoint === null ? null : recordingChatModel(endpoint);
  const templates = endpoint === null ? null : loadTemplates(config.prompts.dir);
  const resolved = client ?? (recorded === null || templates === null ? createOfflineLlm(config.offline) : createOpenAiLlmClient({ model: recorded, config, templates }));
  return {
    client: resolved,
    speech: speech !== undefined ? speech : endpoint,
    material: (stores) => (request) => readMaterial(config, stores, request),
    groups: (stores) =>
      recorded === null || templates === null
        ? undefined
        : createGroupModels({ model: recorded, config, templates, conversations: stores.conversations, captions: stores.captions, personas: stores.personas }),
  };
}

/**
 * Reads a request's prompt material. For proactive turns `proactive.contextSource` chooses it: the whole
 * conversation (history and mental log), only the last N messages (`platform`), or both. A group turn reads
 * the newest `groups.promptMessages` of group memory (since the last `/heartflow_reset`) and the captions of
 * its images. Performs I/O.
 */
export async function readMaterial(
  config: KizunaConfig,
  stores: { conversations: Pick<ConversationStore, 'history' | 'mentalLog'>; captions?: Pick<CaptionStore, 'read'> },
  request: TurnRequest | TextRequest,
): Promise<PromptMaterial> {
  const { conversations } = stores;
  const extras = sessionExtrasFor(config, request.sessionId);
  if ('group' in request && request.group !== undefined) {
    const since = request.group.memorySince ?? -Infinity;
    const history = (await conversations.history(request.sessionId, extras.group.promptMessages)).filter((entry) => entry.at >= since);
    const hashes = history.flatMap((entry) => (entry.images ?? []).flatMap((image) => image.hash ?? []));
    const captions = stores.captions === undefined ? {} : await stores.captions.read(request.sessionId, hashes);
    return { persona: extras.persona, timezone: extras.timezone, now: Date.now(), history, mentalLog: [], proactivePrompt: extras.proactivePrompt, captions };
  }
  const proactive = request.purpose === 'proactive' || request.purpose === 'wakeup';
  const historyLimit = proactive && extras.contextSource !== 'conversation' ? extras.platformHistoryMessages : config.llm.historyMessages;
  const withMental = !(proactive && extras.contextSource === 'platform');
  const [history, mentalLog] = await Promise.all([
    conversations.history(request.sessionId, historyLimit),
    withMental ? conversations.mentalLog(request.sessionId, config.mentalLog.maxEntries) : Promise.resolve([]),
  ]);
  const since = request.historySince ?? -Infinity;
  return {
    persona: extras.persona,
    timezone: extras.timezone,
    now: Date.now(),
    history: history.filter((entry) => entry.at >= since),
    mentalLog: mentalLog.filter((entry) => entry.at >= since),
    proactivePrompt: extras.proactivePrompt,
  };
}

/** Reads a session's speech settings from `config`; pure. */
export function speechSettingsReader(config: KizunaConfig): (sessionId: string) => SpeechSettings {
  return (sessionId) => {
    const tts = sessionExtrasFor(config, sessionId).tts;
    return { enabled: tts.enabled, model: config.llm.models.tts, voice: tts.voice, format: tts.format, alwaysSendText: tts.alwaysSendText };
  };
}
