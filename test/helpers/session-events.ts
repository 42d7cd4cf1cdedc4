/**
 * Builders of session events for tests, with explicit times.
 */
import type {
  LlmRepliedEvent,
  MessageReceivedEvent,
  SessionContext,
  TimerFiredEvent,
  TimerName,
  ToolCall,
} from '../../machines/session-types.js';

export function messageEvent(text: string, at: number, completeness = 0.95, extra: Partial<MessageReceivedEvent> = {}): MessageReceivedEvent {
  return { type: 'message.received', at, sender: { id: 'alice' }, text, images: [], mentionsBot: false, completeness, ...extra };
}

/** A user message as an adapter ingests it now (no completeness score: the driver adds it). */
export function ingestedMessage(sessionId: string, text: string): Omit<MessageReceivedEvent, 'completeness'> {
  return { type: 'message.received', at: Date.now(), sender: { id: sessionId }, text, images: [], mentionsBot: false };
}

export function replyEvent(requestId: string, at: number, calls: ToolCall[]): LlmRepliedEvent {
  return { type: 'llm.replied', at, requestId, calls };
}

export function replyWith(content: string, maxWaitSeconds: number): ToolCall {
  return { tool: 'reply', content, maxWaitSeconds };
}

/** The `timer.fired` event for the timer `name` as armed in `context`. */
export function firedTimer(context: SessionContext, name: TimerName, at?: number): TimerFiredEvent {
  const entry = context.timers[name];
  if (entry === undefined) throw new Error(`timer ${name} is not armed`);
  return { type: 'timer.fired', at: at ?? entry.firesAt, name, gen: entry.gen, dueAt: entry.firesAt };
}
