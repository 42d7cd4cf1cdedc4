/**
 * What a session asks of a model: the seam between the driver (which freezes a request at commit time from
 * the session context) and the LLM worker (which builds the prompt and calls the model).
 */
import type { GroupImage, JudgedMessage, JudgeScores } from '../../machines/group-types.js';
import type { ImageRef, Sender, ToolCall, TurnPurpose } from '../../machines/session-types.js';

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
  /** After a `/reset`: history and mental-log entries before this time are left out of the prompt. */
  historySince?: number;
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
  /**
   * Group turns: who wrote the new message, whether the bot joins on its own, where group memory starts, and
   * for the periodic message its period.
   */
  group?: { from: Sender | null; joined: boolean; memorySince: number | null; periodSeconds?: number };
}

/** A request beside the conversation whose answer is plain text. */
export interface TextRequest extends RequestBase {
  purpose: 'thinking' | 'reminder';
  wait: WaitSummary | null;
  progress?: number;
  reminderText?: string;
}

/** What the judge is shown of the group's state (seed 001's "current group state" and "group info"). */
export interface JudgeGroupState {
  energy: number;
  /** The score the message needs at this energy. */
  required: number;
  threshold: number;
  messages: number;
  judged: number;
  joined: number;
  replyRate: number;
  activityLevel: 'high' | 'medium' | 'low';
  /** Member messages since the bot last spoke. */
  sinceBot: number;
  lastJoinAt: number | null;
  lastBotAt: number | null;
}

/** A Heartflow judgement: should the bot join in after this group message? */
export interface JudgeRequest extends RequestBase {
  purpose: 'judge';
  message: JudgedMessage;
  group: JudgeGroupState;
  memorySince: number | null;
}

/** A caption of a group image for group memory (`[Image: …]`); its result is stored, not ingested. */
export interface CaptionRequest extends RequestBase {
  purpose: 'caption';
  image: GroupImage;
}

export type LlmRequest = TurnRequest | TextRequest | JudgeRequest | CaptionRequest;

/** What a judge call yields: the five scores and, when asked for, the judge's reasoning. */
export interface JudgeVerdict {
  scores: JudgeScores;
  reasoning?: string;
}

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
  /** Group sessions: captions of group images by identity. */
  captions?: Record<string, string>;
}

export interface HistoryEntry {
  role: 'user' | 'bot';
  text: string;
  at: number;
  images?: ImageRef[];
  /** Group memory: who said it, the platform message id, whether it addressed the bot. */
  sender?: Sender;
  messageId?: string;
  mentionsBot?: boolean;
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
