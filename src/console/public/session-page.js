// One session's page: the chat beside the inspector (the machine diagram with the active state and the
// transitions as they happen, timers, replay, LLM calls, mental log, history, outbound messages, context,
// event log). Everything is re-read when a commit of this session arrives on the stream.
import { api } from './api.js';
import { ChatPanel } from './chat-panel.js';
import { mountDiagram, trailLine } from './diagram.js';
import { clock, fill, h, json, stateName } from './dom.js';
import { conversationLists, eventTable, llmCallsList, outboundTable, tickTimers, timersList } from './panels.js';

const trailLength = 30;

export class SessionPage {
  #sessionId;
  #diagram = null;
  #chat;
  #parts = {};
  #refreshTimer = null;
  #ticker;
  #closed = false;
  #trailSeeded = false;

  constructor(sessionId) {
    this.#sessionId = sessionId;
    this.#chat = new ChatPanel(sessionId, () => this.scheduleRefresh());
    const part = (name, tag = 'div', props = {}) => (this.#parts[name] = h(tag, { ...props, 'data-testid': name }));
    const panel = (title, name, open = true) => h('details', { class: 'card', open }, h('summary', {}, h('h2', { text: title })), part(name));
    this.element = h(
      'div',
      { class: 'session-page', dataset: { sessionId } },
      h('header', { class: 'session-header' }, h('h1', { text: sessionId }), part('session-state', 'span', { class: 'badge' }), part('session-version', 'span', { class: 'note' })),
      h(
        'div',
        { class: 'columns' },
        this.#chat.element,
        h(
          'div',
          { class: 'inspector' },
          h('section', { class: 'card diagram-card' }, h('h2', { text: 'Machine' }), part('diagram', 'div', { class: 'diagram' }), h('h3', { text: 'Transitions' }), part('transition-trail', 'ol', { class: 'trail' })),
          h('section', { class: 'card' }, h('h2', { text: 'Timers' }), part('timers')),
          h(
            'section',
            { class: 'card' },
            h('h2', { text: 'Replay' }),
            h('p', { class: 'note', text: 'Re-applies the event log to a fresh machine and checks it reproduces the stored snapshot.' }),
            h('button', { type: 'button', 'data-testid': 'replay', onclick: () => this.#replay(), text: 'Replay the event log' }),
            part('replay-result', 'p', { class: 'replay-result' }),
          ),
          panel('LLM calls', 'llm-calls'),
          panel('Mental log', 'mental-log'),
          panel('History (what the model reads)', 'history', false),
          panel('Outbound messages', 'outbound', false),
          panel('Context', 'context', false),
          panel('Event log', 'event-log', false),
        ),
      ),
    );
    this.#ticker = setInterval(() => tickTimers(this.#parts.timers, Date.now()), 200);
  }

  /** Loads the diagram and every panel. */
  async start() {
    this.#diagram = await mountDiagram(this.#parts.diagram);
    await this.refresh();
  }

  /** Applies a commit record of this session: highlight, trail, then a fresh read of the panels. */
  applyCommit(record) {
    for (const transition of record.transitions ?? []) {
      this.#diagram?.flash(transition);
      this.#parts['transition-trail'].prepend(trailLine(transition, clock));
    }
    while (this.#parts['transition-trail'].children.length > trailLength) this.#parts['transition-trail'].lastChild.remove();
    this.#showState(record.state, record.version);
    this.scheduleRefresh();
  }

  /** Re-reads the panels soon (several commits in a row cost one read). */
  scheduleRefresh() {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.refresh().catch((error) => console.error(error)), 120);
  }

  async refresh() {
    const id = this.#sessionId;
    const view = await api.session(id).catch((error) => (error.status === 404 ? null : Promise.reject(error)));
    if (this.#closed) return;
    if (view === null) {
      // Nothing happened yet: the badge says so, and the diagram shows where the session will start.
      this.#showState('new', null, 'idle');
      fill(this.#parts.timers, h('p', { class: 'empty', text: 'This session does not exist yet: say something to start it.' }));
      this.#chat.update({ events: [], messages: [] });
      return;
    }
    const [conversation, messages, log, calls] = await Promise.all([api.conversation(id), api.messages(id), api.events(id), api.llmCalls(id)]);
    if (this.#closed) return;
    this.#showState(view.state, view.version);
    fill(this.#parts.timers, timersList(view.timers));
    tickTimers(this.#parts.timers, Date.now());
    const lists = conversationLists(conversation);
    fill(this.#parts['mental-log'], lists.mental);
    fill(this.#parts.history, lists.history);
    fill(this.#parts['llm-calls'], llmCallsList(calls));
    fill(this.#parts.outbound, outboundTable(messages));
    fill(this.#parts.context, h('pre', { text: json(view.context) }));
    fill(this.#parts['event-log'], eventTable(log));
    this.#chat.update({ events: log.entries ?? [], messages });
    if (!this.#trailSeeded) this.#seedTrail(log);
  }

  /** Starts the trail from the event log: each applied event, from the state before it to the one after. */
  #seedTrail(log) {
    this.#trailSeeded = true;
    let previous = log.checkpoint ? stateName(log.checkpoint.snapshot?.value ?? 'idle') : 'idle';
    const lines = [];
    for (const entry of log.entries ?? []) {
      if (entry.event === undefined) continue;
      const to = stateName(entry.state);
      lines.push(trailLine({ eventType: entry.event.type, from: previous, to, at: entry.event.at }, clock));
      previous = to;
    }
    fill(this.#parts['transition-trail'], lines.reverse().slice(0, trailLength));
  }

  #showState(state, version, drawn = state) {
    const name = stateName(state);
    this.#parts['session-state'].textContent = name;
    this.#parts['session-state'].className = `badge state-${name.split('.')[0]}`;
    this.#parts['session-state'].dataset.state = name;
    if (version !== null) this.#parts['session-version'].textContent = `version ${version}`;
    this.#diagram?.setActive(stateName(drawn));
  }

  async #replay() {
    const result = this.#parts['replay-result'];
    result.textContent = 'replaying…';
    result.className = 'replay-result';
    try {
      const answer = await api.replay(this.#sessionId);
      result.textContent = answer.reproduced ? `✓ Reproduced: ${answer.applied} events replayed to the stored snapshot.` : `✗ Diverges — ${answer.description}`;
      result.classList.add(answer.reproduced ? 'ok' : 'bad');
      result.dataset.reproduced = String(answer.reproduced);
    } catch (error) {
      result.textContent = `replay failed: ${error.message}`;
      result.classList.add('bad');
    }
  }

  close() {
    this.#closed = true;
    clearInterval(this.#ticker);
    clearTimeout(this.#refreshTimer);
  }
}
