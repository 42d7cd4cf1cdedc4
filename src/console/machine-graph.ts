/**
 * The shape of a machine as the console draws it: its top-level states (with their child states, drawn
 * inside them) and one edge per pair of top-level states a transition links, carrying each event and guard
 * that takes it. Read from the definition through the same walk as the Mermaid doc (`src/docs/machine-diagram.ts`).
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { stateNodesOf, transitionRowsOf } from '../docs/machine-diagram.js';

export interface GraphState {
  /** Dotted path, as the API and the commit stream name states (`idle`, `parent.child`). */
  id: string;
  label: string;
  /** Descendants drawn inside it, by dotted path, parents before children. */
  children: string[];
  initial: boolean;
  final: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Each transition along this edge: its event (`always` when eventless) and guard. */
  transitions: Array<{ event: string; guard: string | null }>;
}

export interface MachineGraph {
  id: string;
  states: GraphState[];
  edges: GraphEdge[];
}

/** The console's graph of `machine`; pure. */
export function machineGraphOf(machine: AnyStateMachine): MachineGraph {
  const root = machine.root;
  const initial = ((root.initial?.target ?? [])[0] as AnyStateNode | undefined)?.key;
  const states = (Object.values(root.states) as AnyStateNode[]).map((node) => ({
    id: node.key,
    label: node.key,
    children: stateNodesOf(machine)
      .filter((child) => child.path.length > 1 && child.path[0] === node.key)
      .map((child) => child.path.join('.')),
    initial: node.key === initial,
    final: node.type === 'final',
  }));
  const edges = new Map<string, GraphEdge>();
  for (const row of transitionRowsOf(machine)) {
    if (row.source === '') continue;
    for (const target of row.targets) {
      const [from, to] = [topLevel(row.source), topLevel(target)];
      // A move between the children of one state stays inside its box: the child chips show it.
      if (from === to && row.source !== target) continue;
      const key = `${from}\u0000${to}`;
      const edge = edges.get(key) ?? { source: from, target: to, transitions: [] };
      edge.transitions.push({ event: row.event, guard: row.guard });
      edges.set(key, edge);
    }
  }
  return { id: machine.id, states, edges: [...edges.values()] };
}

/** The top-level state of a dotted path; pure. */
export function topLevel(path: string): string {
  return path.split('.')[0] ?? path;
}
