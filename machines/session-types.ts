/**
 * Types of the session machine: its context, the events it accepts and the effects it emits.
 * Everything here is plain JSON so snapshots, event-log entries and effects round-trip through Redis.
 */

/** The settings a session machine reads; the driver keeps them current with `settings.changed`. */
export interface SessionSettings {
  debounce: {
    enabled: boolean;
    threshold: number;
    timeoutSeconds: number;
    /** A buffer of this many fragments counts as complete (the seed's hold limit). */
    maxFragments: number;
    /** Bound on the buffered text; beyond it the oldest text is cut with a marker. */
    maxBufferChars: number;
  };
  wait: { minSeconds: number; maxSeconds: number; maxConsecutiveTimeouts: number };
  proactive: { enabled: boolean; minDelaySeconds: number; maxDelaySeconds: number; expectReplySeconds: number };
}

export type ChatType = 'private' | 'group';

export interface ImageRef {
  url: string;
}

export interface Sender {
  id: string;
  name?: string;
}

/** One piece of what the user wrote, held until the utterance is complete. */
export interface Fragment {
  text: string;
  images: ImageRef[];
  at: number;
  senderId: string;
  messageId?: string;
}

/** A durable timer as the machine sees it: the generation token and the absolute due time. */
export interface TimerEntry {
  gen: number;
  dueAt: number;
}

export type TimerName = 'debounce' | 'wait' | 'proactive';

/** Why the session asked the model to speak. */
export type TurnPurpose = 'reply' | 'followup' | 'proactive';

/** The LLM request in flight, if any. */
export interface Turn {
  requestId: string;
  purpose: TurnPurpose;
  startedAt: number;
}

export interface WaitEntry {
  startedAt: number;
  seconds: number;
  expectedReaction?: string;
}

export type OutboundKind = 'reply' | 'followup' | 'proactive' | 'reminder' | 'notice';

/** One call of a tool the chat model answered with. */
export type ToolCall =
  | {
      tool: 'reply';
      content: string;
      thought?: string;
      expectedReaction?: string;
      maxWaitSeconds?: number;
      mood?: string;
    }
  | {
      tool: 'do_nothing';
      thought?: string;
      expectedReaction?: string;
      maxWaitSeconds?: number;
      mood?: string;
    };

export interface ErrorInfo {
  code: string;
  message: string;
}

/** Session control state. The session id is not repeated here: it is the key the snapshot is stored under. */
export interface SessionContext {
  chatType: ChatType;
  settings: SessionSettings;
  /** State of the seeded pseudo-random generator (mulberry32). */
  rng: number;
  fragments: Fragment[];
  /** Completeness of the merged buffer, as scored when the last fragment arrived. */
  completeness: number;
  turn: Turn | null;
  requestSeq: number;
  timers: Partial<Record<TimerName, TimerEntry>>;
  timerGen: number;
  outboundSeq: number;
  wait: WaitEntry | null;
  consecutiveTimeouts: number;
  unanswered: number;
  lastUserAt: number | null;
  lastBotAt: number | null;
  lastError: ErrorInfo | null;
}

export interface SessionInput {
  sessionId: string;
}

export interface MessageReceivedEvent {
  type: 'message.received';
  at: number;
  sender: Sender;
  text: string;
  images: ImageRef[];
  mentionsBot: boolean;
  messageId?: string;
  /** Completeness of the merged buffer including this fragment, scored by the driver before the transition. */
  completeness: number;
}

export interface TimerFiredEvent {
  type: 'timer.fired';
  at: number;
  name: TimerName;
  gen: number;
  dueAt: number;
}

export interface LlmRepliedEvent {
  type: 'llm.replied';
  at: number;
  requestId: string;
  calls: ToolCall[];
}

export interface LlmFailedEvent {
  type: 'llm.failed';
  at: number;
  requestId: string;
  error: ErrorInfo;
}

export interface SettingsChangedEvent {
  type: 'settings.changed';
  at: number;
  settings: SessionSettings;
}

export type SessionEvent =
  | MessageReceivedEvent
  | TimerFiredEvent
  | LlmRepliedEvent
  | LlmFailedEvent
  | SettingsChangedEvent;

/** A message the bot says; written to the session's outbox in the same commit as the transition. */
export interface OutboundMessage {
  type: 'outbound.queued';
  seq: number;
  text: string;
  kind: OutboundKind;
  at: number;
  replyTo?: string;
}

export type SessionEmitted = OutboundMessage;
