// The sessions list in the sidebar: every session with its current state, kept live from the stream.
import { fill, h, stateName } from './dom.js';

export class SessionsList {
  #element;
  #sessions = new Map();
  #current = null;

  constructor(element) {
    this.#element = element;
  }

  /** Replaces the list with the API's answer (`[{sessionId, state}]`, oldest first). */
  load(sessions) {
    this.#sessions.clear();
    sessions.forEach((session, index) => this.#sessions.set(session.sessionId, { state: stateName(session.state), touched: index }));
    this.render();
  }

  /** Updates one session from a commit record. */
  update(record) {
    this.#sessions.set(record.sessionId, { state: stateName(record.state), touched: Date.now() });
    this.render();
  }

  /** Marks the session shown in the main view. */
  select(sessionId) {
    this.#current = sessionId;
    this.render();
  }

  render() {
    const rows = [...this.#sessions].sort(([a, x], [b, y]) => y.touched - x.touched || a.localeCompare(b));
    if (rows.length === 0) return fill(this.#element, h('li', { class: 'empty', text: 'No sessions yet. Open a chat above and say something.' }));
    fill(
      this.#element,
      rows.map(([sessionId, { state }]) =>
        h(
          'li',
          { class: sessionId === this.#current ? 'current' : '', dataset: { sessionId, state } },
          h('a', { href: `#/s/${encodeURIComponent(sessionId)}`, text: sessionId }),
          h('span', { class: `badge state-${state.split('.')[0]}`, text: state }),
        ),
      ),
    );
  }
}
