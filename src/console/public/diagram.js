// The session machine's diagram (drawn by the server from the machine definition, /console/machine.svg):
// the active state is highlighted, and each transition the stream reports flashes along its edge.
import { h } from './dom.js';

let svgText = null;

/** Loads the diagram into `container` and returns its controls. */
export async function mountDiagram(container) {
  svgText ??= await (await fetch('/console/machine.svg', { credentials: 'same-origin' })).text();
  // The SVG comes from this server and holds no user data.
  container.innerHTML = svgText;
  const svg = container.querySelector('svg');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  const timers = new Map();
  return {
    /** Highlights the state(s) of a state name (`idle`, `parent.child`, `a,b`). */
    setActive(state) {
      const active = new Set();
      for (const region of String(state).split(',')) {
        const parts = region.split('.');
        parts.forEach((_, index) => active.add(parts.slice(0, index + 1).join('.')));
      }
      for (const node of svg.querySelectorAll('.state')) node.classList.toggle('active', active.has(node.dataset.state));
      svg.dataset.active = String(state);
    },
    /**
     * Flashes the edges a transition took. The stream reports where a whole step ended, so an event that led
     * on through eventless (`always`) transitions — idle → buffering → awaiting-llm — lights the whole path.
     */
    flash(transition) {
      const [from, to] = [transition.from.split('.')[0], transition.to.split('.')[0]];
      for (const [source, target] of pathOf(svg, from, to, transition.eventType)) {
        const selector = `[data-source="${CSS.escape(source)}"][data-target="${CSS.escape(target)}"]`;
        for (const element of svg.querySelectorAll(selector)) {
          element.classList.add('taken');
          clearTimeout(timers.get(element));
          timers.set(element, setTimeout(() => element.classList.remove('taken'), 2000));
        }
      }
    },
  };
}

/** The edges from `from` to `to`: one taken on `event`, then any number (up to 3) of eventless ones. */
function pathOf(svg, from, to, event) {
  const edges = [...svg.querySelectorAll('g.transition')].map((element) => ({ source: element.dataset.source, target: element.dataset.target, events: element.dataset.events.split(' ') }));
  let frontier = edges.filter((edge) => edge.source === from && edge.events.includes(event)).map((edge) => [[edge.source, edge.target]]);
  for (let depth = 0; depth < 4; depth += 1) {
    const done = frontier.find((path) => path.at(-1)[1] === to);
    if (done) return done;
    frontier = frontier.flatMap((path) => edges.filter((edge) => edge.source === path.at(-1)[1] && edge.events.includes('always')).map((edge) => [...path, [edge.source, edge.target]]));
  }
  return [];
}

/** One line of the transition trail under the diagram. */
export function trailLine(transition, clock) {
  return h(
    'li',
    { dataset: { from: transition.from, to: transition.to, event: transition.eventType } },
    h('time', { text: clock(transition.at ?? Date.now()) }),
    h('code', { text: transition.eventType }),
    h('span', { class: 'move', text: transition.from === transition.to ? `stays in ${transition.to}` : `${transition.from} → ${transition.to}` }),
  );
}
