/**
 * What a session asks of a model: the seam between the driver (which freezes a request at commit time from
 * the session context) and the LLM worker (which builds the prompt and calls the model).
 */
import type { ImageRef, ToolCall, TurnPurpose } from '../../machines/session-types.js';

/** The wait a follow-up or an inner thought is about. */
export interface WaitSummary {
  startedAt: number;
  seconds: number;
  expectedReaction?: string;
  lastBotText?: string;
}

interface RequestBase {
  sessionId: string;
  requestId: string;
  requestedAt: number;
}

/** A conversation turn: the model answers through the session tools. */
export interface TurnRequest extends RequestBase {
  purpose: TurnPurpose;
  /** The user's buffered text, merged (reply turns only). */
  text: string;
  images: ImageRef[];
  consecutiveTimeouts: number;
  /** Unanswered proactive messages before this one (the `{{unanswered_count}}` of the proactive prompt). */
  unanswered: number;
  wait: WaitSummary | null;
  /** Why a booked wake-up fired. */
  wakeupReason?: string;
  /** The model's own memos that are still valid. */
  memos: Array<{ id: number; text: string }>;
}

/** A request beside the conversation whose answer is plain text. */
export interface TextRequest extends RequestBase {
  purpose: 'thinking' | 'reminder';
  wait: WaitSummary | null;
  progress?: number;
  reminderText?: string;
}

export type LlmRequest = TurnRequest | TextRequest;

/** A model's decision, expressed through the session tools. */
export interface LlmDecision {
  calls: ToolCall[];
}

/** Everything the prompt builder reads besides the request: who the bot is and what happened so far. */
export interface PromptMaterial {
  persona: string;
  timezone: string;
  now: number;
  history: HistoryEntry[];
  mentalLog: MentalEntry[];
  proactivePrompt?: string | undefined;
}

export interface HistoryEntry {
  role: 'user' | 'bot';
  text: string;
  at: number;
  images?: ImageRef[];
}

export interface MentalEntry {
  kind: string;
  text: string;
  at: number;
}

/** The LLM client interface the worker uses: a decision for a turn, text for a side request. */
export interface LlmClient {
  readonly name: string;
  decide(request: TurnRequest, material: PromptMaterial, options: { signal?: AbortSignal }): Promise<LlmDecision>;
  text(request: TextRequest, material: PromptMaterial, options: { signal?: AbortSignal }): Promise<string>;
}
