/**
 * Applies one batch of mailbox entries to a live session actor: annotates each event (the completeness
 * score of the merged buffer), sends it, and gathers what the commit needs — log entries, outbound
 * messages, effects and the new snapshot. An event the machine cannot take (malformed JSON, a throwing
 * action) is logged as rejected and skipped; the others still apply.
 *
 * In a private chat, a message with another of the user's messages right behind it in the batch is not
 * scored: the user went on before the bot could answer, so whether that fragment sounded finished no longer
 * matters (scoring it could only start a reply that the next fragment discards). It is marked `followed`
 * with completeness 0, and the burst is judged once, on its last message.
 */
import type { Snapshot } from 'xstate';
import { isAddressed } from '../../machines/heartflow.js';
import { isDebounced, isSpokenMessage, mergedText } from '../../machines/session-logic.js';
import type {
  HistoryRecord,
  MentalRecord,
  MessageReceivedEvent,
  OutboundMessage,
  SessionContext,
  SessionEmitted,
  SessionEvent,
  SessionSettings,
} from '../../machines/session-types.js';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { toErrorInfo } from '../errors.js';
import { type Effect, planEffects } from './effects.js';
import type { TransitionRecord } from './inspection.js';
import { type LogEntry, snapshotDigest } from './log-entry.js';
import type { MailboxEntry } from './session-store.js';
import { isSameSettings } from './shared-settings.js';
import { collectFromLiveSession, type LiveSession, sendToLive } from './session-actor.js';

export interface AppliedBatch {
  live: LiveSession;
  logEntries: LogEntry[];
  outbound: OutboundMessage[];
  history: HistoryRecord[];
  mental: MentalRecord[];
  effects: Effect[];
  transitions: TransitionRecord[];
  persisted: Snapshot<unknown>;
  state: unknown;
  applied: number;
  rejected: number;
  /** What the batch decided that metrics count: debounce merges and group judge decisions. */
  tally: BatchTally;
}

export interface BatchTally {
  /** Messages that joined fragments already held. */
  merged: number;
  /** Judge verdicts that made the bot join a group conversation, and those that did not. */
  joined: number;
  passed: number;
}

export interface ApplyOptions {
  scorer: CompletenessScorer;
  settings: SessionSettings;
  rebuild: (persisted: Snapshot<unknown>) => LiveSession;
}

/** Applies `entries` in order to `live` (which may be replaced when an event breaks the actor). */
export async function applyBatch(
  initial: LiveSession,
  entries: readonly MailboxEntry[],
  options: ApplyOptions,
): Promise<AppliedBatch> {
  let live = initial;
  // XState snapshots are immutable: keeping this one is free; it is persisted only if an event breaks the actor.
  const start = live.actor.getSnapshot();
  const before = contextOf(live);
  const logEntries: LogEntry[] = [];
  const accepted: SessionEvent[] = [];
  let rejected = 0;
  const tally: BatchTally = { merged: 0, joined: 0, passed: 0 };

  const parsedEntries = entries.map((entry) => ({ entry, parsed: parseEvent(entry.json) }));
  const settingsEvent = settingsChangeFor(before, options.settings, firstTime(parsedEntries));
  if (settingsEvent !== null) {
    sendToLive(live, settingsEvent);
    accepted.push(settingsEvent);
    logEntries.push({ seq: null, event: settingsEvent, state: live.actor.getSnapshot().value });
  }

  for (const [index, { entry, parsed }] of parsedEntries.entries()) {
    if ('error' in parsed) {
      rejected += 1;
      logEntries.push({ seq: entry.seq, raw: entry.json, rejected: parsed.error, state: live.actor.getSnapshot().value });
      continue;
    }
    const event = await annotate(parsed.event, contextOf(live), options, isFollowed(parsedEntries[index + 1]?.parsed));
    const held = contextOf(live).fragments.length;
    sendToLive(live, event);
    countOutcome(tally, event, held, contextOf(live));
    if (live.actor.getSnapshot().status === 'error') {
      rejected += 1;
      const error = toErrorInfo(live.actor.getSnapshot().error);
      live = replayAccepted(initial.actor.logic.getPersistedSnapshot(start) as Snapshot<unknown>, accepted, options);
      logEntries.push({ seq: entry.seq, event, rejected: error, state: live.actor.getSnapshot().value });
      continue;
    }
    accepted.push(event);
    logEntries.push({ seq: entry.seq, event, state: live.actor.getSnapshot().value });
  }

  const persisted = live.actor.getPersistedSnapshot();
  const last = logEntries.at(-1);
  if (last !== undefined) last.hash = snapshotDigest(persisted);
  const collected = collectFromLiveSession(live);
  const outbound = ofType(collected.emitted, 'outbound.queued');
  return {
    live,
    logEntries,
    outbound,
    history: ofType(collected.emitted, 'history.recorded'),
    mental: ofType(collected.emitted, 'mental.recorded'),
    effects: planEffects(
      live.sessionId,
      before,
      contextOf(live),
      outbound.map(({ type: _type, ...message }) => message),
      accepted.flatMap((event) => (event.type === 'timer.fired' ? [{ name: event.name, gen: event.gen }] : [])),
    ),
    transitions: collected.transitions,
    persisted,
    state: live.actor.getSnapshot().value,
    applied: entries.length - rejected,
    rejected,
    tally,
  };
}

function ofType<T extends SessionEmitted['type']>(emitted: readonly SessionEmitted[], type: T): Array<Extract<SessionEmitted, { type: T }>> {
  return emitted.filter((item): item is Extract<SessionEmitted, { type: T }> => item.type === type);
}

/** Adds what applying `event` decided to `tally` (a rejected event is taken back by a rebuild, not counted). */
function countOutcome(tally: BatchTally, event: SessionEvent, held: number, after: SessionContext): void {
  if (event.type === 'message.received' && held > 0 && after.fragments.length > held) tally.merged += 1;
  const judgement = after.group?.lastJudgement;
  if (event.type === 'judge.scored' && judgement?.at === event.at) {
    if (judgement.joined) tally.joined += 1;
    else tally.passed += 1;
  }
}

function contextOf(live: LiveSession): SessionContext {
  return live.actor.getSnapshot().context;
}

function firstTime(parsedEntries: ReadonlyArray<{ parsed: ReturnType<typeof parseEvent> }>): number {
  for (const { parsed } of parsedEntries) {
    if ('event' in parsed && typeof parsed.event.at === 'number') return parsed.event.at;
  }
  return 0;
}

/** A `settings.changed` event when the session's settings differ from the configured ones, else null. */
function settingsChangeFor(context: SessionContext, settings: SessionSettings, at: number): SessionEvent | null {
  if (isSameSettings(context.settings, settings)) return null;
  return { type: 'settings.changed', at, settings };
}

function parseEvent(json: string): { event: SessionEvent } | { error: { code: string; message: string } } {
  try {
    const event = JSON.parse(json) as SessionEvent;
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
      return { error: { code: 'malformed_event', message: 'event has no type' } };
    }
    return { event };
  } catch (error) {
    return { error: { code: 'malformed_event', message: toErrorInfo(error).message } };
  }
}

/** True when the next entry is one of the user's own messages (a fragment that will join the buffer); pure. */
function isFollowed(next: ReturnType<typeof parseEvent> | undefined): boolean {
  return next !== undefined && 'event' in next && isWellFormedSpeech(next.event);
}

/**
 * `isSpokenMessage` for an event read from the mailbox, which may lack fields: a message the guard cannot
 * read is not speech here (the machine rejects it when it is sent, and the batch goes on); pure.
 */
function isWellFormedSpeech(event: SessionEvent): boolean {
  if (event.type !== 'message.received' || typeof event.text !== 'string') return false;
  try {
    return isSpokenMessage(event);
  } catch {
    return false;
  }
}

/**
 * Scores the merged buffer for a message (failing open to "complete" when the scorer breaks); a private
 * message the user already followed with another is marked instead of scored.
 */
async function annotate(event: SessionEvent, context: SessionContext, options: ApplyOptions, followed: boolean): Promise<SessionEvent> {
  if (event.type !== 'message.received' || typeof event.completeness === 'number') return event;
  // Outside debounce's scope, a command, or a group message nobody addressed the bot with: nothing is held, nothing to score.
  if (!isDebounced(context) || !isWellFormedSpeech(event) || (context.group !== undefined && !isAddressed(context, event))) return scored(event, { completeness: 1 });
  // Group messages come from many members: each addressed one is judged on its own.
  if (followed && context.group === undefined) return scored(event, { completeness: 0, followed: true });
  try {
    return scored(event, { completeness: await options.scorer.score(mergedText([...context.fragments, { text: event.text }])) });
  } catch {
    return scored(event, { completeness: 1 });
  }
}

/**
 * The message with its score added; pure. `Object.assign` rather than a spread: on Node 20, keys an object
 * literal adds after a spread take a slow path (~1 µs a key; docs/benchmarks.md), once per message here.
 */
function scored(event: MessageReceivedEvent, score: { completeness: number; followed?: true }): MessageReceivedEvent {
  return Object.assign({}, event, score);
}

/** Rebuilds the actor from the batch's start and re-sends the events accepted so far. */
function replayAccepted(start: Snapshot<unknown>, accepted: readonly SessionEvent[], options: ApplyOptions): LiveSession {
  const live = options.rebuild(start);
  for (const event of accepted) sendToLive(live, event);
  return live;
}
