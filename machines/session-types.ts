/**
 * Types of the session machine: its context, the events it accepts and what it emits. Everything here is
 * plain JSON so snapshots, event-log entries and effects round-trip through Redis.
 */
import type { GroupImage, GroupState, JudgedMessage, JudgeScores } from './group-types.js';

/** What a group session adds to the settings (seed 001's group memory and images, Heartflow, seed 000 v1.x). */
export interface GroupSettings {
  /** A message containing one of these (case-insensitive) is addressed to the bot. */
  wakeWords: string[];
  /** Bound on the group memory (the session's history list). */
  memoryMaxMessages: number;
  /** First-seen images are looked for among this many newest records. */
  imageWindow: number;
  maxImagesPerRequest: number;
  /** A pending image passed over by more requests than this is dropped. */
  pendingMaxRounds: number;
  /** Ask the vision model for a caption of each image once it is shown (or dropped). */
  captionImages: boolean;
}

/** The Heartflow judge: when the bot joins a group conversation nobody addressed it in. */
export interface HeartflowSettings {
  enabled: boolean;
  /** False when the whitelist is on and does not list this group. */
  listed: boolean;
  threshold: number;
  weights: JudgeScores;
  minReplyIntervalSeconds: number;
  /** The latest eligible message is judged once this long has passed without a follow-up from its sender. */
  settleSeconds: number;
  /** A settle window never lasts longer than this after the first message of its burst. */
  maxSettleSeconds: number;
  energy: {
    replyCost: number;
    floor: number;
    declineRecovery: number;
    dailyRecovery: number;
    recoveryHalfLifeSeconds: number;
    /** At energy e the score needed to join is threshold + thresholdRaise × (1 − e). */
    thresholdRaise: number;
  };
}

/** The settings a session machine reads; the driver keeps them current with `settings.changed`. */
export interface SessionSettings {
  debounce: {
    enabled: boolean;
    threshold: number;
    /** Silence after the last held fragment before the buffer is sent anyway; 0 never sends it by timeout. */
    timeoutSeconds: number;
    /** A buffer of this many fragments counts as complete (the seed's hold limit). */
    maxFragments: number;
    /** Bound on the buffered text; beyond it the oldest text is cut with a marker. */
    maxBufferChars: number;
    /** A user message while a reply is being generated discards that reply and merges the text. */
    cancelOnNewMessage: boolean;
    /** Even a complete utterance waits this long for a follow-up fragment (0: send at once). */
    settleSeconds: number;
    /** The settle window never holds a buffer longer than this after its first fragment. */
    maxHoldSeconds: number;
    /** Which chats are debounced (seed 004's usage scope). */
    scope: 'both' | 'private' | 'group';
  };
  wait: { minSeconds: number; maxSeconds: number; maxConsecutiveTimeouts: number };
  thinking: { enabled: boolean; progressThresholds: number[]; minIntervalSeconds: number };
  proactive: {
    enabled: boolean;
    policy: 'random-delay' | 'silence-probability';
    minDelaySeconds: number;
    maxDelaySeconds: number;
    silenceSeconds: number;
    probability: number;
    checkIntervalSeconds: number;
    minIntervalSeconds: number;
    /** "HH:MM-HH:MM" (or whole hours "1-7") in `timezone`; equal ends mean never quiet. */
    quietHours: string;
    timezone: string;
    /** Consecutive unanswered proactive messages allowed; 0 means no cap. */
    maxUnanswered: number;
    /** Probability of sending the n-th consecutive unanswered attempt (index n); missing entries mean 1. */
    decayProbabilities: number[];
    /** How long the session waits for a reaction to a proactive message. */
    expectReplySeconds: number;
    /** A proactive timer firing later than this after its due time (downtime) is re-rolled, not sent. */
    catchUpGraceSeconds: number;
    /** Skip a proactive message while the bot's own last message is still unanswered. */
    skipWhenBotSpokeLast: boolean;
    /** Skip a proactive message when the conversation ended with a closing reply (a goodbye: no wait). */
    skipAfterGoodbye: boolean;
    /** When the runtime starts, a configured session that is idle with nothing armed gets a proactive
     *  check this long after start (0: off). */
    autoTriggerSeconds: number;
    /** Group sessions only (absent in private chats): a proactive message every this many seconds whatever
     *  the group does (seed 000 issue #44); 0 or absent: off. */
    periodicSeconds?: number;
  };
  reply: {
    typingCharsPerSecond: number;
    typingDelayMinSeconds: number;
    typingDelayMaxSeconds: number;
    /** How the pause before each later segment is chosen: typing speed, uniform random, or logarithmic. */
    delayMode: 'typing' | 'random' | 'log';
    randomDelaySeconds: [number, number];
    logBase: number;
    split: { enabled: boolean; maxLength: number; pattern: string };
  };
  reminders: { enabled: boolean; maxPerSession: number };
  memos: { enabled: boolean; maxPerSession: number; minTtlSeconds: number; maxTtlSeconds: number };
  wakeup: { enabled: boolean; minSeconds: number; maxSeconds: number; busyRetrySeconds: number };
  /** Sender ids allowed to run admin commands in this session (the `admins` of its platform). */
  admins: string[];
  groups: GroupSettings;
  heartflow: HeartflowSettings;
}

export type ChatType = 'private' | 'group';

export interface ImageRef {
  url: string;
  /** A sticker (a platform face or meme) rather than a picture with content. */
  sticker?: boolean;
  /** A digest of the image's bytes (computed at ingest for group messages): its identity across URLs. */
  hash?: string;
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
  senderName?: string;
  messageId?: string;
  /** In a group: the message came in through the Heartflow judge, not addressed to the bot. */
  judged?: boolean;
}

/**
 * A durable timer as the machine sees it: the generation token of its job, the time the job fires, and the
 * deadline. Pushing a deadline later keeps the job (`firesAt` stays, `dueAt` moves): when it fires early the
 * machine arms the remainder. A burst of re-armings thus costs no job at all.
 */
export interface TimerEntry {
  gen: number;
  dueAt: number;
  firesAt: number;
}

/** Timer names: fixed ones, and one per reminder (`reminder:<id>`). */
export type TimerName =
  | 'debounce'
  | 'settle'
  | 'wait'
  | 'thinking'
  | 'proactive'
  | 'wakeup'
  | 'purge'
  | 'judge'
  | 'silence'
  | 'periodic'
  | `reminder:${number}`;

/** Why the session asked the model to speak in the conversation. */
export type TurnPurpose = 'reply' | 'followup' | 'proactive' | 'wakeup';

/** The conversation's LLM request in flight, if any. */
export interface Turn {
  requestId: string;
  purpose: TurnPurpose;
  startedAt: number;
  /** How many buffered fragments the request carries (later ones are kept for the next turn). */
  fragmentCount: number;
  /** Why a booked wake-up started this turn. */
  reason?: string;
  /** In a group: the images this request shows the model natively (first-seen ones, by the image policy). */
  images?: GroupImage[];
  /** In a group: the bot joins on its own (the judge said so); nobody addressed it. */
  joined?: boolean;
  /** In a group: the periodic message (sent every this many seconds), not one that breaks a silence. */
  periodSeconds?: number;
}

/** A request beside the conversation: an inner thought while waiting, or the wording of a reminder. */
export type SideRequest =
  | { requestId: string; purpose: 'thinking'; waitStartedAt: number; progress: number }
  | { requestId: string; purpose: 'reminder'; reminderId: number; text: string }
  | { requestId: string; purpose: 'judge'; startedAt: number; message: JudgedMessage };

export interface WaitEntry {
  startedAt: number;
  seconds: number;
  expectedReaction?: string;
  /** The bot's last message before the wait (for follow-ups and inner thoughts). */
  lastBotText?: string;
  /** What opened the wait: an answer, or a message nobody asked for. */
  origin: 'reply' | 'proactive';
  /** Inner thoughts had during this wait. */
  thoughts: number;
  lastThoughtAt: number | null;
}

/** A note the model keeps for itself, injected into later prompts until it expires. */
export interface Memo {
  id: number;
  text: string;
  expiresAt: number;
}

export interface Reminder {
  id: number;
  dueAt: number;
  text: string;
}

export type OutboundKind = 'reply' | 'followup' | 'proactive' | 'reminder' | 'notice';

/** The metadata `reply` and `do_nothing` share. */
export interface TurnMetadata {
  thought?: string;
  expectedReaction?: string;
  maxWaitSeconds?: number;
  mood?: string;
}

/**
 * One call of a tool the chat model answered with, as the session sees it. `set_reminder` arrives with its
 * natural-language `when` already resolved to an absolute time by the LLM worker (so replay needs no clock);
 * `dueAt` is null when `when` could not be understood.
 */
export type ToolCall =
  | ({ tool: 'reply'; content: string } & TurnMetadata)
  | ({ tool: 'do_nothing' } & TurnMetadata)
  | { tool: 'set_reminder'; when: string; text: string; dueAt: number | null }
  | { tool: 'schedule_wakeup'; delayMinutes: number; reason: string }
  | { tool: 'write_memo'; text: string; ttlHours: number }
  | { tool: 'forget_memo'; id: number };

export interface ErrorInfo {
  code: string;
  message: string;
}

export interface SessionContext {
  chatType: ChatType;
  settings: SessionSettings;
  /** State of the seeded pseudo-random generator (mulberry32). */
  rng: number;
  fragments: Fragment[];
  /** Completeness of the merged buffer, as scored when the last fragment arrived. */
  completeness: number;
  turn: Turn | null;
  side: SideRequest[];
  requestSeq: number;
  timers: Partial<Record<TimerName, TimerEntry>>;
  timerGen: number;
  outboundSeq: number;
  wait: WaitEntry | null;
  consecutiveTimeouts: number;
  /** Consecutive delivered proactive messages the user has not answered. */
  unanswered: number;
  lastUserAt: number | null;
  lastBotAt: number | null;
  lastProactiveAt: number | null;
  /** Who spoke last in the conversation. */
  lastSpeaker: 'user' | 'bot' | null;
  /** The bot closed the conversation (replied without waiting) and the user has not spoken since. */
  closedByBot: boolean;
  reminders: Reminder[];
  reminderSeq: number;
  wakeup: { dueAt: number; reason: string } | null;
  memos: Memo[];
  memoSeq: number;
  /** The segments of the last proactive message and whether its delivery was counted as unanswered. */
  proactiveMessage: { firstSeq: number; lastSeq: number; startedAt: number; counted: boolean } | null;
  lastError: ErrorInfo | null;
  /** Set by `/reset`: prompts read the history and mental log from this time on (absent: all of it). */
  historySince?: number;
  /** Group sessions only (absent in private chats): the judge, the group's activity and the image policy. */
  group?: GroupState;
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
  /** The platform id of the message this one quotes (a reply), when it quotes one. */
  replyTo?: string;
  /** Sent from the bot's own account outside kizuna (an adapter reporting its own messages). */
  fromSelf?: boolean;
  /** Completeness of the merged buffer including this fragment, scored by the driver before the transition. */
  completeness: number;
  /**
   * Set by the driver when another of the user's messages was already in the mailbox behind this one: the
   * user had gone on before the bot could answer, so this fragment was not scored (completeness 0) and the
   * buffer is judged on the message that follows.
   */
  followed?: true;
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

/** The text of a side request (an inner thought, a reminder's wording); `fallback` when the model failed. */
export interface LlmTextEvent {
  type: 'llm.text';
  at: number;
  requestId: string;
  text: string;
  fallback: boolean;
}

export interface OutboundDeliveredEvent {
  type: 'outbound.delivered';
  at: number;
  seq: number;
  kind: OutboundKind;
  text: string;
}

export interface OutboundFailedEvent {
  type: 'outbound.failed';
  at: number;
  seq: number;
  kind: OutboundKind;
  error: ErrorInfo;
}

/** The runtime started and this session is configured: it may arm its first proactive check. */
export interface SessionOpenedEvent {
  type: 'session.opened';
  at: number;
}

export interface SettingsChangedEvent {
  type: 'settings.changed';
  at: number;
  settings: SessionSettings;
}

/** The judge's scores for the message of a `judge` side request (seed 001), parsed by the LLM worker. */
export interface JudgeScoredEvent {
  type: 'judge.scored';
  at: number;
  requestId: string;
  scores: JudgeScores;
  reasoning?: string;
}

/**
 * Memory Reboot (src/memory-reboot) found old news posted again: send `text`, as a quote reply to `messageId`
 * when the platform gave the message an id (groups only).
 */
export interface RebootMatchedEvent {
  type: 'reboot.matched';
  at: number;
  messageId?: string;
  text: string;
}

/** An admin command answered outside the machine (Memory Reboot's `/reboot …`): send `text` as a notice. */
export interface AdminAnsweredEvent {
  type: 'admin.answered';
  at: number;
  text: string;
  replyTo?: string;
}

export type SessionEvent =
  | MessageReceivedEvent
  | JudgeScoredEvent
  | RebootMatchedEvent
  | AdminAnsweredEvent
  | TimerFiredEvent
  | LlmRepliedEvent
  | LlmFailedEvent
  | LlmTextEvent
  | OutboundDeliveredEvent
  | OutboundFailedEvent
  | SessionOpenedEvent
  | SettingsChangedEvent;

/** A message the bot says; written to the session's outbox in the same commit as the transition. */
export interface OutboundMessage {
  type: 'outbound.queued';
  seq: number;
  text: string;
  kind: OutboundKind;
  at: number;
  /** When to deliver it: segments after the first wait as if typed. */
  deliverAt: number;
  replyTo?: string;
}

/** Something to keep in the conversation history the model reads (what was said, by whom). */
export interface HistoryRecord {
  type: 'history.recorded';
  role: 'user' | 'bot';
  text: string;
  at: number;
  images?: ImageRef[];
  /** In a group: who said it (user records), the platform message id, whether it addressed the bot. */
  sender?: Sender;
  messageId?: string;
  mentionsBot?: boolean;
}

export type MentalKind =
  | 'plan'
  | 'waiting_thought'
  | 'timeout'
  | 'reply_in_time'
  | 'reply_late'
  | 'proactive'
  | 'reminder_set'
  | 'wakeup_booked'
  | 'judged';

/** An entry of the mental log: what the bot thought, planned and noticed, merged into its narrative. */
export interface MentalRecord {
  type: 'mental.recorded';
  kind: MentalKind;
  text: string;
  at: number;
}

export type SessionEmitted = OutboundMessage | HistoryRecord | MentalRecord;
