/**
 * A live session actor: the XState actor of one session held in a worker's memory, with what it emitted and
 * the transitions it took since the driver last collected them.
 */
import { type Actor, createActor, type InspectionEvent, type Snapshot, type StateValue } from 'xstate';
import { sessionMachine, type SessionMachine } from '../../machines/session-machine.js';
import type { SessionEmitted, SessionEvent } from '../../machines/session-types.js';
import { type Inspector, stateName, type TransitionRecord } from './inspection.js';

export interface LiveSession {
  sessionId: string;
  actor: Actor<SessionMachine>;
  /** The stored version this actor's state corresponds to. */
  version: number;
  emitted: SessionEmitted[];
  transitions: TransitionRecord[];
  /** The state the actor is in, as one string (the `from` of the next transition record). */
  current: string;
}

/**
 * Creates and starts a session actor, fresh or from a persisted snapshot, wired for collection. The
 * transition records come from XState's `inspect`: every snapshot the actor takes after an event is one
 * record. An extra inspector (the Stately inspector) sees every raw inspection event too. Inspection costs
 * ~30 µs per drain (docs/inspect.md).
 */
export function createLiveSession(
  sessionId: string,
  persisted: unknown,
  version: number,
  extraInspector?: Inspector,
): LiveSession {
  const emitted: SessionEmitted[] = [];
  let live: LiveSession | undefined;
  const actor = createActor(sessionMachine, {
    input: { sessionId },
    ...(persisted === undefined ? {} : { snapshot: persisted as Snapshot<unknown> }),
    inspect: (inspection) => {
      if (live !== undefined) recordTransition(live, inspection);
      extraInspector?.(inspection);
    },
  });
  live = { sessionId, actor, version, emitted, transitions: [], current: '' };
  actor.on('*', (event) => emitted.push(event));
  // An event that breaks the machine must surface as an error snapshot (handled by applyBatch), not as an
  // unhandled error thrown later on the event loop.
  actor.subscribe({ error: () => undefined });
  actor.start();
  live.current = stateName(actor.getSnapshot().value);
  return live;
}

/**
 * Records the transition an inspected snapshot shows: one per event the actor processed, from the state it was
 * in to the one it is in now (the same state when the event changed nothing). XState's own start-up snapshot
 * and a broken actor's snapshot are not transitions.
 */
function recordTransition(live: LiveSession, inspection: InspectionEvent): void {
  if (inspection.type !== '@xstate.snapshot' || inspection.actorRef !== live.actor) return;
  // The actor is the session machine's: its snapshots have a state value.
  const snapshot = inspection.snapshot as unknown as { status: string; value: StateValue };
  const event = inspection.event as { type: string; at?: unknown };
  if (snapshot.status === 'error' || event.type.startsWith('xstate.')) return;
  const to = stateName(snapshot.value);
  live.transitions.push({ sessionId: live.sessionId, eventType: event.type, from: live.current, to, at: typeof event.at === 'number' ? event.at : null });
  live.current = to;
}

/** Sends `event` to the live actor; its inspection records the transition it took (unless the actor broke). */
export function sendToLive(live: LiveSession, event: SessionEvent): void {
  live.actor.send(event);
}

/** Empties and returns what the actor emitted and the transitions it took. */
export function collectFromLiveSession(live: LiveSession): { emitted: SessionEmitted[]; transitions: TransitionRecord[] } {
  return { emitted: live.emitted.splice(0), transitions: live.transitions.splice(0) };
}
