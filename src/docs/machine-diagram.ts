/**
 * Renders a machine definition for the docs: a Mermaid `stateDiagram-v2` (one edge per source, target and
 * event) and Markdown tables of what each event does in each state and what each state does on entry and exit.
 * Everything is read from the definition (`machine.root`, each state node's `transitions`, `always`,
 * `initial`, `entry`, `exit`), so the docs follow the machine instead of a hand-drawn picture of it.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** One transition of the definition, flattened for rendering. */
export interface TransitionRow {
  /** Dotted path of the state that handles it; empty for root-level handlers, which apply in every state. */
  source: string;
  /** The event type, or `always` for an eventless transition. */
  event: string;
  guard: string | null;
  /** Dotted paths of the targets; empty for a transition that stays where it is. */
  targets: string[];
  reenter: boolean;
  actions: string[];
}

interface Transitionlike {
  eventType: string;
  guard?: unknown;
  target?: ReadonlyArray<AnyStateNode> | undefined;
  reenter: boolean;
  actions: readonly unknown[];
}

type HigherOrderGuard = ((...args: never[]) => unknown) & { check: unknown; guards: readonly unknown[] };

/** Every state node below the root, parents before children, in definition order; pure. */
export function stateNodesOf(machine: AnyStateMachine): AnyStateNode[] {
  const walk = (node: AnyStateNode): AnyStateNode[] => Object.values(node.states).flatMap((child) => [child, ...walk(child)]);
  return walk(machine.root);
}

/** The machine's transitions, root-level handlers first, then each state's in definition order; pure. */
export function transitionRowsOf(machine: AnyStateMachine): TransitionRow[] {
  return [machine.root, ...stateNodesOf(machine)].flatMap((node) => {
    const defined = [...node.transitions.values()].flat() as Transitionlike[];
    const eventless = (node.always ?? []) as Transitionlike[];
    return [...defined, ...eventless].map((transition) => rowOf(pathOf(node), transition));
  });
}

function rowOf(source: string, transition: Transitionlike): TransitionRow {
  return {
    source,
    event: transition.eventType === '' ? 'always' : transition.eventType,
    guard: transition.guard === undefined ? null : describeGuard(transition.guard),
    targets: (transition.target ?? []).map(pathOf),
    reenter: transition.reenter,
    actions: transition.actions.map(describeAction),
  };
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** A guard as text: its name with any parameters, `and` / `or` / `not` spelled out, inline functions as "(inline)"; pure. */
export function describeGuard(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (isHigherOrderGuard(guard)) {
    const parts = guard.guards.map((inner) => parenthesized(describeGuard(inner)));
    return guard.name === 'not' ? `not ${parts[0] ?? '?'}` : parts.join(` ${guard.name} `);
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return withParams(String(guard.type), (guard as { params?: unknown }).params);
  return '(inline)';
}

function isHigherOrderGuard(guard: unknown): guard is HigherOrderGuard {
  return typeof guard === 'function' && 'guards' in guard && ['and', 'or', 'not'].includes(guard.name);
}

function parenthesized(text: string): string {
  return / (and|or) /.test(text) ? `(${text})` : text;
}

function describeAction(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'object' && action !== null && 'type' in action) return withParams(String(action.type), (action as { params?: unknown }).params);
  return '(inline)';
}

function withParams(name: string, params: unknown): string {
  if (params === undefined) return name;
  if (typeof params !== 'object' || params === null) return `${name}(…)`;
  const values = Object.values(params).map((value) => (['string', 'number', 'boolean'].includes(typeof value) ? String(value) : '…'));
  return `${name}(${values.join(', ')})`;
}

/** A `stateDiagram-v2` of the machine: one edge per (source, target, event), guards as `event [guard]`; pure. */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2', ...declarations(machine.root, '  ')];
  for (const edge of edgesOf(transitionRowsOf(machine))) lines.push(`  ${edge}`);
  return `${lines.join('\n')}\n`;
}

function declarations(node: AnyStateNode, indent: string): string[] {
  const lines: string[] = [];
  const initial = (node.initial?.target ?? [])[0] as AnyStateNode | undefined;
  if (initial !== undefined) lines.push(`${indent}[*] --> ${mermaidId(pathOf(initial))}`);
  for (const child of Object.values(node.states) as AnyStateNode[]) {
    const id = mermaidId(pathOf(child));
    const label = child.key === id ? '' : `"${child.key}" as `;
    const children = Object.keys(child.states).length > 0;
    if (children) lines.push(`${indent}state ${label}${id} {`, ...declarations(child, `${indent}  `), `${indent}}`);
    else if (label !== '') lines.push(`${indent}state ${label}${id}`);
    if (child.type === 'final') lines.push(`${indent}${id} --> [*]`);
  }
  return lines;
}

function edgesOf(rows: readonly TransitionRow[]): string[] {
  const groups = new Map<string, { source: string; target: string; event: string; guards: Array<string | null> }>();
  for (const row of rows) {
    if (row.source === '') continue;
    for (const target of row.targets) {
      const key = JSON.stringify([row.source, target, row.event]);
      const group = groups.get(key) ?? { source: row.source, target, event: row.event, guards: [] };
      group.guards.push(row.guard);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ source, target, event, guards }) => {
    const condition = guards.includes(null) ? '' : ` [${guards.map((guard) => (guards.length > 1 ? parenthesized(guard ?? '') : guard)).join(' or ')}]`;
    // Mermaid ends a transition label at ":" or ";".
    return `${mermaidId(source)} --> ${mermaidId(target)} : ${`${event}${condition}`.replace(/[:;]/g, ' ')}`;
  });
}

/** A state path as a Mermaid-safe id (Mermaid ids cannot hold hyphens or dots); pure. */
export function mermaidId(path: string): string {
  return path.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * A Markdown table: for each event, what it does in each state (root-level handlers as "any state"); `include`
 * keeps only some rows (a page about one part of the machine); pure.
 */
export function toEventTable(machine: AnyStateMachine, include: (row: TransitionRow) => boolean = () => true): string {
  const rows = transitionRowsOf(machine).filter(include);
  const stateRows = rows.filter((row) => row.source !== '');
  const events = new Set([...stateRows, ...rows].map((row) => row.event));
  const lines = ['| event | in state | when | does |', '|---|---|---|---|'];
  for (const event of events) {
    const handled = rows.filter((row) => row.event === event);
    const local = handled.filter((row) => row.source !== '');
    const anywhere = local.length === 0 ? '*any state*' : '*any state*, when no state row applies';
    for (const row of [...local, ...handled.filter((row) => row.source === '')]) {
      const state = row.source === '' ? anywhere : `\`${row.source}\``;
      lines.push(`| \`${event}\` | ${state} | ${row.guard === null ? '—' : `\`${row.guard}\``} | ${effectOf(row)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function effectOf(row: TransitionRow): string {
  const move = row.targets.length === 0 ? 'stays' : `→ ${row.targets.map((target) => `\`${target}\``).join(', ')}${row.reenter ? ' (re-entered)' : ''}`;
  return row.actions.length === 0 ? move : `${move}; ${row.actions.map((action) => `\`${action}\``).join(', ')}`;
}

/** A Markdown table of each state's entry and exit actions; pure. */
export function toStateActionTable(machine: AnyStateMachine): string {
  const lines = ['| state | on entry | on exit |', '|---|---|---|'];
  const list = (actions: readonly unknown[]) => (actions.length === 0 ? '—' : actions.map((action) => `\`${describeAction(action)}\``).join(', '));
  for (const node of stateNodesOf(machine)) lines.push(`| \`${pathOf(node)}\` | ${list(node.entry)} | ${list(node.exit)} |`);
  return `${lines.join('\n')}\n`;
}
