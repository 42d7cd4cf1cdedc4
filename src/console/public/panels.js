// The inspector's panels for one session: armed timers with live countdowns, recorded LLM calls, the
// mental log and history the model reads, outbound messages, the context and the event log.
import { clock, duration, fill, h, json, stateName } from './dom.js';

/** Timers as a list whose countdowns the caller ticks with `tickTimers`. */
export function timersList(timers) {
  if (timers.length === 0) return h('p', { class: 'empty', text: 'No timer armed.' });
  return h(
    'ul',
    { class: 'timers' },
    timers.map((timer) => h('li', { dataset: { name: timer.name, dueAt: timer.dueAt } }, h('code', { text: timer.name }), h('span', { class: 'countdown' }), h('time', { text: `due ${clock(timer.dueAt)}` }))),
  );
}

/** Updates every countdown under `root` to `now`. */
export function tickTimers(root, now) {
  for (const item of root.querySelectorAll('.timers li')) {
    const left = Number(item.dataset.dueAt) - now;
    const countdown = item.querySelector('.countdown');
    countdown.textContent = left >= 0 ? `in ${duration(left)}` : `due ${duration(left)} ago`;
    item.classList.toggle('overdue', left < 0);
  }
}

/** The recorded LLM calls, newest first, each expandable to its rounds. */
export function llmCallsList(calls) {
  if (calls.length === 0) return h('p', { class: 'empty', text: 'No LLM call recorded yet.' });
  return h('ol', { class: 'llm-calls' }, calls.map(llmCall));
}

function llmCall(call) {
  const summary = `${clock(call.startedAt)} · ${call.purpose} · ${call.model} · ${call.outcome} · ${call.latencyMs} ms${call.attempt > 1 ? ` · attempt ${call.attempt}` : ''}`;
  return h(
    'li',
    { class: `llm-call outcome-${call.outcome}`, dataset: { requestId: call.requestId, outcome: call.outcome, purpose: call.purpose } },
    h(
      'details',
      {},
      h('summary', {}, h('span', { text: summary }), resultPreview(call)),
      call.calls ? h('div', {}, h('h4', { text: 'decision (parsed tool calls)' }), h('pre', { text: json(call.calls) })) : null,
      call.text !== undefined ? h('div', {}, h('h4', { text: 'text' }), h('pre', { text: call.text })) : null,
      call.error ? h('div', { class: 'error' }, h('h4', { text: 'error' }), h('pre', { text: `${call.error.code}: ${call.error.message}` })) : null,
      call.exchanges.length === 0 ? h('p', { class: 'note', text: `No request left the process (the ${call.client} model answered in place).` }) : call.exchanges.map(exchange),
    ),
  );
}

function resultPreview(call) {
  const reply = call.calls?.find((item) => item.tool === 'reply');
  const text = reply?.content ?? call.text ?? (call.calls ? call.calls.map((item) => item.tool).join(', ') : call.error?.message);
  return text ? h('span', { class: 'preview', text: ` — ${text.length > 90 ? `${text.slice(0, 90)}…` : text}` }) : null;
}

function exchange(round, index) {
  const usage = round.usage ? ` · ${round.usage.promptTokens} + ${round.usage.completionTokens} tokens` : '';
  return h(
    'section',
    { class: 'exchange' },
    h('h4', { text: `round ${index + 1} · ${round.model} · ${round.latencyMs} ms${usage}` }),
    round.tools.length > 0 ? h('p', { class: 'note', text: `tools offered: ${round.tools.join(', ')}` }) : null,
    h('ol', { class: 'prompt' }, round.messages.map(promptMessage)),
    round.answer ? h('div', { class: 'answer' }, h('h5', { text: 'answer' }), round.answer.text ? h('pre', { text: round.answer.text }) : null, round.answer.toolCalls.map((call) => h('pre', { text: `${call.name}(${prettyArguments(call.arguments)})` }))) : null,
    round.error ? h('pre', { class: 'error', text: `${round.error.code}: ${round.error.message}` }) : null,
  );
}

function promptMessage(message) {
  const parts = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : Array.isArray(message.content) ? message.content : [];
  return h(
    'li',
    { class: `role-${message.role}` },
    h('span', { class: 'role', text: message.role }),
    parts.map((part) => (part.type === 'image_url' ? h('code', { class: 'image-part', text: `[image] ${part.image_url?.url ?? ''}` }) : h('pre', { text: part.text ?? json(part) }))),
    message.tool_calls ? h('pre', { text: json(message.tool_calls) }) : null,
  );
}

function prettyArguments(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The mental log and the history, newest last, with their times. */
export function conversationLists(conversation) {
  const mental = conversation.mental ?? [];
  const history = conversation.history ?? [];
  return {
    mental: mental.length === 0 ? h('p', { class: 'empty', text: 'Nothing in the mental log yet.' }) : h('ol', { class: 'log' }, mental.map((entry) => h('li', {}, h('time', { text: clock(entry.at) }), h('code', { text: entry.kind }), h('span', { text: entry.text })))),
    history:
      history.length === 0
        ? h('p', { class: 'empty', text: 'No history yet.' })
        : h('ol', { class: 'log' }, history.map((entry) => h('li', {}, h('time', { text: clock(entry.at) }), h('code', { text: entry.role }), h('span', {}, entry.text, (entry.images ?? []).map((image) => h('code', { text: image.sticker ? ' [sticker]' : ' [image]' })))))),
  };
}

/** Every outbound message with its delivery status. */
export function outboundTable(messages) {
  if (messages.length === 0) return h('p', { class: 'empty', text: 'The bot has said nothing yet.' });
  return h(
    'table',
    { class: 'outbound' },
    h('thead', {}, h('tr', {}, ['seq', 'kind', 'status', 'deliver at', 'delivered', 'text'].map((name) => h('th', { text: name })))),
    h('tbody', {}, messages.map((message) => h('tr', { class: `status-${message.status}` }, h('td', { text: message.seq }), h('td', { text: message.kind }), h('td', { text: message.status }), h('td', { text: clock(message.deliverAt) }), h('td', { text: clock(message.deliveredAt) }), h('td', { text: message.text })))),
  );
}

/** The event log since its checkpoint: what was applied, the state it led to, rejections. */
export function eventTable(log) {
  const entries = log.entries ?? [];
  if (entries.length === 0) return h('p', { class: 'empty', text: 'The event log is empty.' });
  return h(
    'table',
    { class: 'events' },
    h('thead', {}, h('tr', {}, ['seq', 'event', 'detail', 'state after'].map((name) => h('th', { text: name })))),
    h('tbody', {}, entries.slice().reverse().map((entry) => h('tr', { class: entry.rejected ? 'rejected' : '' }, h('td', { text: entry.seq ?? '—' }), h('td', {}, h('code', { text: entry.event?.type ?? 'rejected' })), h('td', { text: eventDetail(entry) }), h('td', { text: stateName(entry.state) })))),
  );
}

function eventDetail(entry) {
  if (entry.rejected) return `${entry.rejected.code}: ${entry.rejected.message}`;
  const event = entry.event ?? {};
  switch (event.type) {
    case 'message.received':
      return `${event.sender?.name ?? event.sender?.id}: ${event.text}${(event.images ?? []).length ? ` [+${event.images.length} image]` : ''} (completeness ${Number(event.completeness).toFixed(2)})`;
    case 'timer.fired':
      return `${event.name} (gen ${event.gen})`;
    case 'llm.replied':
      return `${event.requestId}: ${(event.calls ?? []).map((call) => call.tool).join(', ')}`;
    case 'llm.failed':
      return `${event.requestId}: ${event.error?.message ?? ''}`;
    case 'llm.text':
      return `${event.requestId}: ${event.text}`;
    default:
      return Object.keys(event).filter((key) => key !== 'type' && key !== 'at').map((key) => `${key}=${JSON.stringify(event[key])}`).join(' ').slice(0, 160);
  }
}
