/**
 * Types of the group side of the session machine: the Heartflow judge's scores and candidate, the group's
 * activity (energy, counters), and the image policy's state. Plain JSON, like the rest of the context.
 */

/** The five 0–10 scores the judge model gives a message (seed 001). */
export interface JudgeScores {
  relevance: number;
  willingness: number;
  social: number;
  timing: number;
  continuity: number;
}

export const judgeDimensions = ['relevance', 'willingness', 'social', 'timing', 'continuity'] as const satisfies ReadonlyArray<keyof JudgeScores>;

/** An image of a group message as the image policy sees it: identified by a hash of its content. */
export interface GroupImage {
  hash: string;
  url: string;
  sticker?: boolean;
}

/** An image that was passed over by a request; dropped once passed over more than `pendingMaxRounds` times. */
export interface PendingImage extends GroupImage {
  rounds: number;
}

/**
 * How much the bot has been talking in this group on its own. `energy` (0.1–1) falls with each voluntary
 * reply and recovers with time; it raises the score a message needs before the bot joins in.
 */
export interface GroupActivity {
  energy: number;
  /** When `energy` was last brought up to date; recovery is computed from there. */
  energyAt: number | null;
  /** The local date (`YYYY-MM-DD`) of the last update, for the daily recovery. */
  day: string | null;
  /** Member messages seen. */
  messages: number;
  /** Member messages since the bot last spoke (how the group took its last message). */
  sinceBot: number;
  judged: number;
  /** Voluntary replies: judgements that led to a message. */
  joined: number;
  lastJoinAt: number | null;
}

/** The message a judgement is about. */
export interface JudgedMessage {
  senderId: string;
  senderName?: string;
  text: string;
  at: number;
  messageId?: string;
}

/**
 * The latest eligible message, waiting for its settle window (`heartflow.settleSeconds`) to end. `since` is the
 * first message of the burst (it bounds the window); `ready` means the window ended while the bot was busy
 * (a judgement or a reply in flight), so it is judged as soon as the bot is free.
 */
export interface JudgeCandidate extends JudgedMessage {
  since: number;
  ready: boolean;
}

/** The last verdict, shown by `/heartflow`. */
export interface Judgement {
  at: number;
  overall: number;
  required: number;
  joined: boolean;
}

export interface GroupState {
  activity: GroupActivity;
  candidate: JudgeCandidate | null;
  lastJudgement: Judgement | null;
  /** Group-memory records so far (member messages and the bot's); numbers the image window. */
  records: number;
  /** Images of the newest `groups.imageWindow` records, with the record they belong to. */
  recentImages: Array<GroupImage & { record: number }>;
  /** Images already shown to the model (or given up on), newest last, bounded. */
  knownImages: string[];
  /** Images not shown yet that a request passed over. */
  pendingImages: PendingImage[];
  /** Group memory before this time is ignored (set by `/heartflow_reset`). */
  memorySince: number | null;
  /**
   * The periodic proactive schedule (`groups.proactive.periodicSeconds`), absent when off: its period and the
   * time its next message is scheduled for (the `periodic` timer may be later: deferred out of quiet hours).
   */
  periodic?: PeriodicSchedule;
}

export interface PeriodicSchedule {
  seconds: number;
  slotAt: number;
}
