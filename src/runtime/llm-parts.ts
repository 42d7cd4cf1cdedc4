/**
 * Which model answers in this process: the configured OpenAI-compatible endpoint (through the openai SDK),
 * or, when none is configured, the built-in offline model. Also the speech model and how a request's prompt
 * material (persona, history, mental log) is read.
 */
import { hasLlmEndpoint } from '../config/load-config.js';
import type { KizunaConfig } from '../config/schema.js';
import { sessionExtrasFor } from '../config/session-settings.js';
import type { SpeechModel } from '../llm/chat-model.js';
import { recordingChatModel } from '../llm/exchange-recorder.js';
import type { LlmClient, LlmRequest, PromptMaterial } from '../llm/llm-types.js';
import { createOfflineLlm } from '../llm/offline-llm.js';
import { OpenAiChatModel } from '../llm/openai-chat-model.js';
import { createOpenAiLlmClient } from '../llm/openai-llm-client.js';
import { loadTemplates } from '../llm/prompt-templates.js';
import type { ConversationStore } from '../stores/conversation-store.js';
import type { SpeechSettings } from './outbox-delivery.js';

export const defaultOpenAiBaseUrl = 'https://api.openai.com/v1';

export interface LlmParts {
  client: LlmClient;
  speech: SpeechModel | null;
  material: (conversations: ConversationStore) => (request: LlmRequest) => Promise<PromptMaterial>;
}

/** Resolves the LLM client and speech model for `config` (overrides win). */
export function llmParts(config: KizunaConfig, client?: LlmClient, speech?: SpeechModel | null): LlmParts {
  const endpoint = hasLlmEndpoint(config)
    ? new OpenAiChatModel({ baseUrl: config.llm.baseUrl ?? defaultOpenAiBaseUrl, apiKey: config.llm.apiKey ?? 'none', timeoutMs: config.llm.timeoutSeconds * 1000 })
    : null;
  const resolved =
    client ?? (endpoint === null ? createOfflineLlm(config.offline) : createOpenAiLlmClient({ model: recordingChatModel(endpoint), config, templates: loadTemplates(config.prompts.dir) }));
  return {
    client: resolved,
    speech: speech !== undefined ? speech : endpoint,
    material: (conversations) => (request) => readMaterial(config, conversations, request),
  };
}

/**
 * Reads a request's prompt material. For proactive turns `proactive.contextSource` chooses it: the whole
 * conversation (history and mental log), only the last N messages (`platform`), or both. Performs I/O.
 */
export async function readMaterial(
  config: KizunaConfig,
  conversations: Pick<ConversationStore, 'history' | 'mentalLog'>,
  request: LlmRequest,
): Promise<PromptMaterial> {
  const extras = sessionExtrasFor(config, request.sessionId);
  const proactive = request.purpose === 'proactive' || request.purpose === 'wakeup';
  const historyLimit = proactive && extras.contextSource !== 'conversation' ? extras.platformHistoryMessages : config.llm.historyMessages;
  const withMental = !(proactive && extras.contextSource === 'platform');
  const [history, mentalLog] = await Promise.all([
    conversations.history(request.sessionId, historyLimit),
    withMental ? conversations.mentalLog(request.sessionId, config.mentalLog.maxEntries) : Promise.resolve([]),
  ]);
  return { persona: extras.persona, timezone: extras.timezone, now: Date.now(), history, mentalLog, proactivePrompt: extras.proactivePrompt };
}

/** Reads a session's speech settings from `config`; pure. */
export function speechSettingsReader(config: KizunaConfig): (sessionId: string) => SpeechSettings {
  return (sessionId) => {
    const tts = sessionExtrasFor(config, sessionId).tts;
    return { enabled: tts.enabled, model: config.llm.models.tts, voice: tts.voice, format: tts.format, alwaysSendText: tts.alwaysSendText };
  };
}
