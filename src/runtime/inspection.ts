/**
 * Transition records of session actors (which feed the SSE stream and the console), and the shape of an
 * extra inspector such as @statelyai/inspect that sees every raw XState inspection event.
 */
import type { InspectionEvent, StateValue } from 'xstate';

export interface TransitionRecord {
  sessionId: string;
  eventType: string;
  from: string;
  to: string;
  at: number | null;
}

export type Inspector = (event: InspectionEvent) => void;

/** Renders a state value as one string (`idle`, or `parent.child` for nested states); pure. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateName(child as StateValue)}`))
    .join(',');
}
