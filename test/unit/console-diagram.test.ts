/**
 * The console's machine diagram is drawn from the definition: every state and every transition between
 * top-level states appears, addressable by the names the API and the stream use, and the layout keeps
 * boxes and labels apart so a person can read it.
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { sessionMachine } from '../../machines/session-machine.js';
import { transitionRowsOf } from '../../src/docs/machine-diagram.js';
import { machineGraphOf } from '../../src/console/machine-graph.js';
import { circularOrder, layoutMachine, overlaps } from '../../src/console/machine-layout.js';
import { machineSvg } from '../../src/console/machine-svg.js';

const graph = machineGraphOf(sessionMachine);
const layout = layoutMachine(graph);

describe('the session machine graph', () => {
  it('has the six product states, idle first and initial', () => {
    expect(graph.states.map((state) => state.id)).toEqual(['idle', 'buffering', 'awaiting-llm', 'waiting', 'timed-out', 'proactive']);
    expect(graph.states.filter((state) => state.initial).map((state) => state.id)).toEqual(['idle']);
  });

  it('has one edge per linked pair of states, carrying every transition of the definition', () => {
    const rows = transitionRowsOf(sessionMachine).filter((row) => row.source !== '' && row.targets.length > 0);
    const pairs = new Set(rows.flatMap((row) => row.targets.map((target) => `${row.source}>${target}`)));
    expect(new Set(graph.edges.map((edge) => `${edge.source}>${edge.target}`))).toEqual(pairs);
    expect(graph.edges.reduce((sum, edge) => sum + edge.transitions.length, 0)).toBe(rows.reduce((sum, row) => sum + row.targets.length, 0));
    const replied = graph.edges.find((edge) => edge.source === 'awaiting-llm' && edge.target === 'waiting');
    expect(replied?.transitions).toEqual([{ event: 'llm.replied', guard: 'isCurrentRequest and hasRequestedWait and not isGroupChat' }]);
  });
});

describe('the layout', () => {
  it('keeps every state inside the canvas and apart from the others', () => {
    for (const state of layout.states) {
      expect(state.x).toBeGreaterThanOrEqual(0);
      expect(state.y).toBeGreaterThanOrEqual(0);
      expect(state.x + state.w).toBeLessThanOrEqual(layout.width);
      expect(state.y + state.h).toBeLessThanOrEqual(layout.height);
    }
    for (const [index, a] of layout.states.entries()) {
      for (const b of layout.states.slice(index + 1)) expect(overlaps(a, b, 20), `${a.id} / ${b.id}`).toBe(false);
    }
  });

  it('puts no edge label over a state or over another label', () => {
    for (const [index, edge] of layout.edges.entries()) {
      for (const state of layout.states) expect(overlaps(edge.label, state, 0), `${edge.source}>${edge.target} over ${state.id}`).toBe(false);
      for (const other of layout.edges.slice(index + 1)) expect(overlaps(edge.label, other.label, 0), `${edge.source}>${edge.target} / ${other.source}>${other.target}`).toBe(false);
    }
  });

  it('starts at the initial state, at the top', () => {
    const idle = layout.states.find((state) => state.id === 'idle')!;
    expect(Math.min(...layout.states.map((state) => state.y))).toBe(idle.y);
    expect(layout.start).not.toBeNull();
    expect(layout.start!.y2).toBeLessThan(idle.y);
  });

  it('orders states around the ellipse with fewer crossing edges than definition order when it can', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const edge = (source: string, target: string) => ({ source, target, transitions: [{ event: 'go', guard: null }] });
    // a-c and b-d cross in definition order; a, b, d, c makes them sides of the square.
    expect(circularOrder(ids, [edge('a', 'c'), edge('b', 'd'), edge('a', 'b'), edge('c', 'd')])).toEqual([0, 1, 3, 2]);
    expect(circularOrder(ids, [edge('a', 'b'), edge('b', 'c')])).toEqual([0, 1, 2, 3]);
  });
});

describe('a machine with child states and a self-transition', () => {
  const machine = createMachine({
    id: 'door',
    initial: 'closed',
    states: {
      closed: { initial: 'locked', states: { locked: { on: { unlock: 'unlocked' } }, unlocked: { on: { lock: 'locked' } } }, on: { open: '.unlocked', push: 'opened' } },
      opened: { on: { close: 'closed', knock: { target: 'opened', reenter: true } } },
    },
  });
  const doorGraph = machineGraphOf(machine);

  it('draws children inside their parent and lifts edges to the top-level states', () => {
    expect(doorGraph.states.find((state) => state.id === 'closed')?.children).toEqual(['closed.locked', 'closed.unlocked']);
    expect(doorGraph.edges.map((edge) => `${edge.source}>${edge.target}:${edge.transitions.map((t) => t.event).join(',')}`).sort()).toEqual([
      'closed>opened:push',
      'opened>closed:close',
      'opened>opened:knock',
    ]);
  });

  it('renders the self-transition as a loop with a label and the children as chips', () => {
    const svg = machineSvg(machine);
    expect(svg).toContain('data-state="closed.locked"');
    expect(svg).toContain('data-state="closed.unlocked"');
    expect(svg).toMatch(/class="transition" data-source="opened" data-target="opened" data-events="knock"><title>[^<]*<\/title><path d="M[^"]* C/);
  });
});

describe('the SVG', () => {
  const svg = machineSvg(sessionMachine);

  it('names each state and transition as the stream does, and loads nothing from elsewhere', () => {
    for (const state of graph.states) expect(svg).toContain(`class="state" data-state="${state.id}"`);
    expect(svg).toContain('class="transition" data-source="awaiting-llm" data-target="waiting" data-events="llm.replied"');
    expect(svg.match(/https?:\/\/[^"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('escapes names that would break the markup', () => {
    const machine = createMachine({ id: 'x<y', initial: 'a&b', states: { 'a&b': { on: { '"go"': 'c' } }, c: {} } });
    const text = machineSvg(machine);
    expect(text).toContain('data-state="a&amp;b"');
    expect(text).toContain('data-events="&quot;go&quot;"');
    expect(text).not.toContain('x<y');
  });
});
