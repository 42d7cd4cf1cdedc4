/**
 * Places a machine graph for drawing: top-level states around an ellipse, clockwise from the initial state
 * at the top, in the order (of those with the fewest crossing edges) closest to definition order; each edge
 * a quadratic curve bent to its right so the two directions between a pair of states separate, clipped at
 * the boxes, with its label put along the curve where it covers the fewest boxes, labels and other curves.
 * Pure.
 */
import type { GraphEdge, GraphState, MachineGraph } from './machine-graph.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedState extends Box {
  id: string;
  label: string;
  initial: boolean;
  final: boolean;
  children: Array<Box & { id: string; label: string }>;
}

export interface PlacedEdge {
  source: string;
  target: string;
  /** SVG path data. */
  path: string;
  label: Box & { lines: string[] };
  /** Every transition along the edge with its guard, one per line (the tooltip). */
  title: string;
}

export interface MachineLayout {
  width: number;
  height: number;
  states: PlacedState[];
  edges: PlacedEdge[];
  /** The arrow that marks the initial state. */
  start: { x1: number; y1: number; x2: number; y2: number } | null;
}

type Point = { x: number; y: number };

export const stateFontSize = 13;
export const labelFontSize = 11;
/** Width of one character of the (monospace) diagram font, per unit of font size. */
const charWidth = 0.62;
const lineHeight = 13;
const margin = 24;

/** Lays out `graph`; pure. */
export function layoutMachine(graph: MachineGraph): MachineLayout {
  const sized = graph.states.map(sizeState);
  const maxW = Math.max(...sized.map((state) => state.w), 100);
  const maxH = Math.max(...sized.map((state) => state.h), 40);
  const count = sized.length;
  const rx = Math.max(240, count * 48);
  const ry = Math.round(rx * 0.62);
  const width = Math.ceil(2 * (rx + maxW / 2 + margin + 40));
  const height = Math.ceil(2 * (ry + maxH / 2 + margin + 30));
  const center = { x: width / 2, y: height / 2 };
  const order = circularOrder(sized.map((state) => state.id), graph.edges, Math.max(0, sized.findIndex((state) => state.initial)));
  const states = order.map((index, slot) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * slot) / Math.max(count, 1);
    return placeState(sized[index]!, { x: center.x + rx * Math.cos(angle), y: center.y + ry * Math.sin(angle) });
  });
  const byId = new Map(states.map((state) => [state.id, state]));
  const routes = graph.edges.flatMap((edge) => {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (from === undefined || to === undefined) return [];
    const reverse = graph.edges.some((other) => other.source === edge.target && other.target === edge.source);
    return [from === to ? loopRoute(edge, from, center) : curveRoute(edge, from, to, reverse)];
  });
  const taken: Box[] = [...states];
  const edges = routes.map((route): PlacedEdge => {
    const others = routes.filter((other) => other !== route).flatMap((other) => other.samples);
    const label = placeLabel(route.edge, route.candidates, taken, others);
    taken.push(label);
    return { source: route.edge.source, target: route.edge.target, path: route.path, label, title: titleOf(route.edge) };
  });
  const initial = states.find((state) => state.initial);
  return { width, height, states, edges, start: initial === undefined ? null : startArrow(initial, center) };
}

/** True when two boxes overlap (with `pad` around them); pure. */
export function overlaps(a: Box, b: Box, pad = 2): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

function sizeState(state: GraphState): Omit<PlacedState, 'x' | 'y' | 'children'> & { children: Array<{ id: string; label: string }> } {
  const children = state.children.map((id) => ({ id, label: id.slice(state.id.length + 1) }));
  const longest = Math.max(state.label.length * stateFontSize, ...children.map((child) => child.label.length * labelFontSize + 16)) * charWidth;
  return { id: state.id, label: state.label, initial: state.initial, final: state.final, w: Math.ceil(Math.max(110, longest + 32)), h: 40 + children.length * 24, children };
}

function placeState(state: ReturnType<typeof sizeState>, at: Point): PlacedState {
  const x = Math.round(at.x - state.w / 2);
  const y = Math.round(at.y - state.h / 2);
  const children = state.children.map((child, index) => ({ ...child, x: x + 8, y: y + 34 + index * 24, w: state.w - 16, h: 20 }));
  return { ...state, x, y, children };
}

function centerOf(box: Box): Point {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

function inside(point: Point, box: Box, pad = 3): boolean {
  return point.x > box.x - pad && point.x < box.x + box.w + pad && point.y > box.y - pad && point.y < box.y + box.h + pad;
}

function quadratic(p0: Point, c: Point, p2: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * p0.x + 2 * u * t * c.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * c.y + t * t * p2.y };
}

/** The parameter where the curve crosses the border of `box`, searched between `t0` (inside) and `t1`. */
function exitParameter(curve: (t: number) => Point, box: Box, t0: number, t1: number): number {
  let [lo, hi] = [t0, t1];
  for (let step = 0; step < 30; step += 1) {
    const mid = (lo + hi) / 2;
    if (inside(curve(mid), box)) lo = mid;
    else hi = mid;
  }
  return hi;
}

interface Route {
  edge: GraphEdge;
  path: string;
  /** Where its label may go, best first. */
  candidates: Point[];
  /** Points along it, which other labels should not cover. */
  samples: Point[];
}

function curveRoute(edge: GraphEdge, from: PlacedState, to: PlacedState, reverse: boolean): Route {
  const p0 = centerOf(from);
  const p2 = centerOf(to);
  const dx = p2.x - p0.x;
  const dy = p2.y - p0.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(110, Math.max(reverse ? 44 : 24, length * (reverse ? 0.2 : 0.1)));
  const normal = { x: -dy / length, y: dx / length };
  const c = { x: (p0.x + p2.x) / 2 + normal.x * bend, y: (p0.y + p2.y) / 2 + normal.y * bend };
  const curve = (t: number) => quadratic(p0, c, p2, t);
  const t0 = exitParameter(curve, from, 0, 0.5);
  const t1 = exitParameter((t) => curve(1 - t), to, 0, 0.5);
  const [start, end] = [curve(t0), curve(1 - t1)];
  // The control point of the sub-curve between t0 and 1 - t1 (the blossom of the quadratic).
  const [a, b] = [t0, 1 - t1];
  const blossom = {
    x: (1 - a) * (1 - b) * p0.x + ((1 - a) * b + a * (1 - b)) * c.x + a * b * p2.x,
    y: (1 - a) * (1 - b) * p0.y + ((1 - a) * b + a * (1 - b)) * c.y + a * b * p2.y,
  };
  const along = (t: number) => quadratic(start, blossom, end, t);
  // Between a pair of states linked both ways, each label sits on its own curve's outer side.
  const shift = reverse ? labelSize(edge).h / 2 + 4 : 0;
  const beside = (point: Point) => ({ x: point.x + normal.x * shift, y: point.y + normal.y * shift });
  return {
    edge,
    path: `M${fmt(start)} Q${fmt(blossom)} ${fmt(end)}`,
    candidates: [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8].map((t) => beside(along(t))),
    samples: Array.from({ length: 41 }, (_, index) => along(index / 40)),
  };
}

function loopRoute(edge: GraphEdge, state: PlacedState, center: Point): Route {
  const out = outward(state, center);
  const anchor = border(state, out);
  const side = { x: -out.y, y: out.x };
  const offset = (along: number, across: number) => ({ x: anchor.x + out.x * along + side.x * across, y: anchor.y + out.y * along + side.y * across });
  return {
    edge,
    path: `M${fmt(offset(0, 14))} C${fmt(offset(56, 30))} ${fmt(offset(56, -30))} ${fmt(offset(0, -14))}`,
    candidates: [offset(64, 0), offset(64, 40), offset(64, -40)],
    samples: [offset(20, 20), offset(42, 0), offset(20, -20)],
  };
}

/** The candidate covering the fewest boxes and labels, then the fewest points of other curves. */
function placeLabel(edge: GraphEdge, candidates: Point[], taken: Box[], curves: Point[]): Box & { lines: string[] } {
  const { lines, w, h } = labelSize(edge);
  const boxAt = (point: Point) => ({ x: Math.round(point.x - w / 2), y: Math.round(point.y - h / 2), w, h, lines });
  const cost = (box: Box) => 1000 * taken.filter((other) => overlaps(box, other)).length + curves.filter((point) => inside(point, box, 2)).length;
  let best = boxAt(candidates[0]!);
  let bestCost = cost(best);
  for (const point of candidates.slice(1)) {
    const box = boxAt(point);
    const boxCost = cost(box);
    if (boxCost < bestCost) [best, bestCost] = [box, boxCost];
  }
  return best;
}

function labelSize(edge: GraphEdge): { lines: string[]; w: number; h: number } {
  const lines = [...new Set(edge.transitions.map((transition) => transition.event))];
  return { lines, w: Math.ceil(Math.max(...lines.map((line) => line.length)) * labelFontSize * charWidth + 8), h: lines.length * lineHeight + 4 };
}

/**
 * The order of states around the ellipse: the initial state first, then the arrangement whose straight
 * chords cross least (tried exhaustively up to 8 states), ties going to definition order.
 */
export function circularOrder(ids: readonly string[], edges: readonly GraphEdge[], first = 0): number[] {
  const identity = [first, ...ids.map((_, index) => index).filter((index) => index !== first)];
  if (ids.length <= 3 || ids.length > 8) return identity;
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const pairs = edges.flatMap((edge) => {
    const [a, b] = [indexOf.get(edge.source), indexOf.get(edge.target)];
    return a === undefined || b === undefined || a === b ? [] : [[a, b] as const];
  });
  const crossings = (order: number[]): number => {
    const slot = new Map(order.map((state, position) => [state, position]));
    let count = 0;
    for (const [i, [a, b]] of pairs.entries()) {
      for (const [c, d] of pairs.slice(i + 1)) {
        const [p, q, r, t] = [slot.get(a)!, slot.get(b)!, slot.get(c)!, slot.get(d)!];
        if (new Set([p, q, r, t]).size < 4) continue;
        const between = (x: number) => (x - Math.min(p, q)) * (Math.max(p, q) - x) > 0;
        if (between(r) !== between(t)) count += 1;
      }
    }
    return count;
  };
  let best = identity;
  let bestCount = crossings(identity);
  for (const rest of permutations(identity.slice(1))) {
    const order = [first, ...rest];
    const count = crossings(order);
    if (count < bestCount) [best, bestCount] = [order, count];
  }
  return best;
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (const [index, item] of items.entries()) {
    for (const rest of permutations([...items.slice(0, index), ...items.slice(index + 1)])) yield [item, ...rest];
  }
}

function titleOf(edge: GraphEdge): string {
  const lines = edge.transitions.map((transition) => (transition.guard === null ? transition.event : `${transition.event} [${transition.guard}]`));
  return `${edge.source} → ${edge.target}\n${lines.join('\n')}`;
}

function outward(state: PlacedState, center: Point): Point {
  const c = centerOf(state);
  const [dx, dy] = [c.x - center.x, c.y - center.y];
  const length = Math.hypot(dx, dy);
  return length < 1 ? { x: 0, y: -1 } : { x: dx / length, y: dy / length };
}

/** Where a ray from the box's centre in direction `unit` leaves the box. */
function border(box: Box, unit: Point): Point {
  const c = centerOf(box);
  const scale = Math.min(unit.x === 0 ? Infinity : box.w / 2 / Math.abs(unit.x), unit.y === 0 ? Infinity : box.h / 2 / Math.abs(unit.y));
  return { x: c.x + unit.x * scale, y: c.y + unit.y * scale };
}

function startArrow(state: PlacedState, center: Point): MachineLayout['start'] {
  const out = outward(state, center);
  const tip = border(state, out);
  return { x1: Math.round(tip.x + out.x * 34), y1: Math.round(tip.y + out.y * 34), x2: Math.round(tip.x + out.x * 4), y2: Math.round(tip.y + out.y * 4) };
}

function fmt(point: Point): string {
  return `${point.x.toFixed(1)},${point.y.toFixed(1)}`;
}
