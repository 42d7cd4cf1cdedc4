/**
 * Turns XState inspection events of session actors into transition records (which feed the SSE stream
 * and the console), and optionally forwards every inspection event to an extra inspector such as
 * @statelyai/inspect.
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

/**
 * Builds an `inspect` observer for one session actor: every snapshot that follows an event becomes a
 * transition record, and `extra` (when given) sees every raw inspection event.
 */
export function createTransitionObserver(
  sessionId: string,
  initialState: string,
  onTransition: (record: TransitionRecord) => void,
  extra?: Inspector,
): Inspector {
  let current = initialState;
  return (inspectionEvent) => {
    extra?.(inspectionEvent);
    if (inspectionEvent.type !== '@xstate.snapshot') return;
    const snapshot = inspectionEvent.snapshot as { value?: StateValue };
    const event = inspectionEvent.event as { type: string; at?: unknown };
    if (snapshot.value === undefined || event.type === 'xstate.init') return;
    const to = stateName(snapshot.value);
    onTransition({ sessionId, eventType: event.type, from: current, to, at: typeof event.at === 'number' ? event.at : null });
    current = to;
  };
}
