/**
 * What the session asks of a model and what comes back: the seam between the driver and any LLM client.
 */
import type { ImageRef, ToolCall, TurnPurpose } from '../../machines/session-types.js';

/** One LLM request of a session, frozen at commit time so a retried job asks the same thing. */
export interface LlmRequest {
  sessionId: string;
  requestId: string;
  purpose: TurnPurpose;
  /** The user's buffered text, merged (empty for follow-ups and proactive turns). */
  text: string;
  images: ImageRef[];
  consecutiveTimeouts: number;
  unanswered: number;
  requestedAt: number;
}

/** A model's decision, expressed through the session tools. */
export interface LlmDecision {
  calls: ToolCall[];
}

/** The LLM client interface: one decision per request; `signal` aborts it. */
export interface LlmClient {
  readonly name: string;
  decide(request: LlmRequest, options: { signal?: AbortSignal }): Promise<LlmDecision>;
}
