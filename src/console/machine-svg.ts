/**
 * Draws a machine layout as a standalone SVG for the console: states are `<g class="state"
 * data-state="<path>">`, transitions `<g class="transition" data-source data-target>` (their labels a
 * matching `transition-label`), so the page highlights the active state and flashes the transition just
 * taken by toggling classes. Served at `/console/machine.svg`; needs nothing from the internet. Pure.
 */
import type { AnyStateMachine } from 'xstate';
import { machineGraphOf } from './machine-graph.js';
import { labelFontSize, layoutMachine, type MachineLayout, type PlacedEdge, type PlacedState, stateFontSize } from './machine-layout.js';

const style = `
.kz-machine { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.kz-machine .state > rect { fill: #ffffff; stroke: #52606d; stroke-width: 1.5; }
.kz-machine .state.child > rect { fill: #f5f7fa; stroke: #9aa5b1; stroke-width: 1; }
.kz-machine .state text { fill: #1f2933; font-size: ${stateFontSize}px; }
.kz-machine .state.child text { font-size: ${labelFontSize}px; }
.kz-machine .state.active > rect { fill: #ffe8a3; stroke: #c77d0a; stroke-width: 3; }
.kz-machine .transition path { fill: none; stroke: #9aa5b1; stroke-width: 1.3; marker-end: url(#kz-arrow); }
.kz-machine .transition.taken path { stroke: #d9480f; stroke-width: 3; marker-end: url(#kz-arrow-taken); }
.kz-machine .transition-label rect { fill: #ffffff; fill-opacity: 0.85; }
.kz-machine .transition-label text { fill: #52606d; font-size: ${labelFontSize}px; }
.kz-machine .transition-label.taken text { fill: #d9480f; font-weight: bold; }
.kz-machine .start { stroke: #1f2933; stroke-width: 1.5; fill: #1f2933; marker-end: url(#kz-arrow-start); }
`;

/** The SVG of `machine`; pure. */
export function machineSvg(machine: AnyStateMachine): string {
  return layoutSvg(layoutMachine(machineGraphOf(machine)), machine.id);
}

/** The SVG of a layout; pure. */
export function layoutSvg(layout: MachineLayout, name: string): string {
  const start = layout.start;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="kz-machine" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escape(name)} machine">`,
    `<style>${style}</style>`,
    '<defs>',
    marker('kz-arrow', '#9aa5b1'),
    marker('kz-arrow-taken', '#d9480f'),
    marker('kz-arrow-start', '#1f2933'),
    '</defs>',
    `<g class="transitions">${layout.edges.map(edgePath).join('')}</g>`,
    `<g class="labels">${layout.edges.map(edgeLabel).join('')}</g>`,
    `<g class="states">${layout.states.map(stateGroup).join('')}</g>`,
    start === null ? '' : `<g class="start-marker"><circle cx="${start.x1}" cy="${start.y1}" r="5" fill="#1f2933"/><line class="start" x1="${start.x1}" y1="${start.y1}" x2="${start.x2}" y2="${start.y2}"/></g>`,
    '</svg>',
  ].join('\n');
}

function marker(id: string, color: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
}

function edgeData(edge: PlacedEdge): string {
  return `data-source="${escape(edge.source)}" data-target="${escape(edge.target)}" data-events="${escape(edge.label.lines.join(' '))}"`;
}

function edgePath(edge: PlacedEdge): string {
  return `<g class="transition" ${edgeData(edge)}><title>${escape(edge.title)}</title><path d="${edge.path}"/></g>`;
}

function edgeLabel(edge: PlacedEdge): string {
  const { x, y, w, h, lines } = edge.label;
  const text = lines.map((line, index) => `<tspan x="${x + w / 2}" y="${y + 13 + index * 13}">${escape(line)}</tspan>`).join('');
  return `<g class="transition-label" ${edgeData(edge)}><title>${escape(edge.title)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3"/><text text-anchor="middle">${text}</text></g>`;
}

function stateGroup(state: PlacedState): string {
  const flags = `${state.initial ? ' data-initial="true"' : ''}${state.final ? ' data-final="true"' : ''}`;
  const children = state.children
    .map((child) => `<g class="state child" data-state="${escape(child.id)}"><rect x="${child.x}" y="${child.y}" width="${child.w}" height="${child.h}" rx="5"/><text x="${child.x + child.w / 2}" y="${child.y + 14}" text-anchor="middle">${escape(child.label)}</text></g>`)
    .join('');
  const border = state.final ? ` stroke-dasharray="0"` : '';
  return (
    `<g class="state" data-state="${escape(state.id)}"${flags}><title>${escape(state.id)}</title>` +
    `<rect x="${state.x}" y="${state.y}" width="${state.w}" height="${state.h}" rx="10"${border}/>` +
    `<text x="${state.x + state.w / 2}" y="${state.y + 25}" text-anchor="middle">${escape(state.label)}</text>${children}</g>`
  );
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
