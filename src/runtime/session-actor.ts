/**
 * A live session actor: the XState actor of one session held in a worker's memory, with what it emitted and
 * the transitions it took since the driver last collected them.
 */
import { type Actor, createActor, type Snapshot } from 'xstate';
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
 * Creates and starts a session actor, fresh or from a persisted snapshot, wired for collection. XState's
 * inspection is only switched on for an extra inspector: it costs an object per action and microstep, and
 * the transition records come from `sendToLive` instead.
 */
export function createLiveSession(
  sessionId: string,
  persisted: unknown,
  version: number,
  extraInspector?: Inspector,
): LiveSession {
  const emitted: SessionEmitted[] = [];
  const actor = createActor(sessionMachine, {
    input: { sessionId },
    ...(persisted === undefined ? {} : { snapshot: persisted as Snapshot<unknown> }),
    ...(extraInspector === undefined ? {} : { inspect: extraInspector }),
  });
  actor.on('*', (event) => emitted.push(event));
  // An event that breaks the machine must surface as an error snapshot (handled by applyBatch), not as an
  // unhandled error thrown later on the event loop.
  actor.subscribe({ error: () => undefined });
  actor.start();
  return { sessionId, actor, version, emitted, transitions: [], current: stateName(actor.getSnapshot().value) };
}

/** Sends `event` to the live actor and records the transition it took (unless the actor broke). */
export function sendToLive(live: LiveSession, event: SessionEvent): void {
  live.actor.send(event);
  const snapshot = live.actor.getSnapshot();
  if (snapshot.status === 'error') return;
  const to = stateName(snapshot.value);
  live.transitions.push({ sessionId: live.sessionId, eventType: event.type, from: live.current, to, at: typeof event.at === 'number' ? event.at : null });
  live.current = to;
}

/** Empties and returns what the actor emitted and the transitions it took. */
export function collectFromLiveSession(live: LiveSession): { emitted: SessionEmitted[]; transitions: TransitionRecord[] } {
  return { emitted: live.emitted.splice(0), transitions: live.transitions.splice(0) };
}
