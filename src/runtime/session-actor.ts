/**
 * A live session actor: the XState actor of one session held in a worker's memory, with what it emitted and
 * the transitions it took since the driver last collected them.
 */
import { type Actor, createActor, type Snapshot } from 'xstate';
import { sessionMachine, type SessionMachine } from '../../machines/session-machine.js';
import type { SessionEmitted } from '../../machines/session-types.js';
import { createTransitionObserver, type Inspector, stateName, type TransitionRecord } from './inspection.js';

export interface LiveSession {
  sessionId: string;
  actor: Actor<SessionMachine>;
  /** The stored version this actor's state corresponds to. */
  version: number;
  emitted: SessionEmitted[];
  transitions: TransitionRecord[];
}

/** Creates and starts a session actor, fresh or from a persisted snapshot, wired for collection. */
export function createLiveSession(
  sessionId: string,
  persisted: unknown,
  version: number,
  extraInspector?: Inspector,
): LiveSession {
  const transitions: TransitionRecord[] = [];
  const emitted: SessionEmitted[] = [];
  const initialState = persisted === undefined ? 'idle' : stateName((persisted as { value: string }).value);
  const actor = createActor(sessionMachine, {
    input: { sessionId },
    ...(persisted === undefined ? {} : { snapshot: persisted as Snapshot<unknown> }),
    inspect: createTransitionObserver(sessionId, initialState, (record) => transitions.push(record), extraInspector),
  });
  actor.on('*', (event) => emitted.push(event));
  // An event that breaks the machine must surface as an error snapshot (handled by applyBatch), not as an
  // unhandled error thrown later on the event loop.
  actor.subscribe({ error: () => undefined });
  actor.start();
  return { sessionId, actor, version, emitted, transitions };
}

/** Empties and returns what the actor emitted and the transitions it took. */
export function collectFromLiveSession(live: LiveSession): { emitted: SessionEmitted[]; transitions: TransitionRecord[] } {
  return { emitted: live.emitted.splice(0), transitions: live.transitions.splice(0) };
}
