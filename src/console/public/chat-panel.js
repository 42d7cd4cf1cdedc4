// The chat: what users said (from the session's event log) and what the bot said (its outbox, with each
// message's delivery status), and a composer to talk as any user, with images.
import { api, parseSessionId } from './api.js';
import { clock, fill, h } from './dom.js';

const imageTypes = 'image/png,image/jpeg,image/gif,image/webp';

export class ChatPanel {
  #sessionId;
  #address;
  #transcript;
  #composer;
  #pending = [];
  #images = [];
  #known = { events: [], messages: [] };
  #onSent;
  #users = h('datalist', { id: 'known-users' });

  constructor(sessionId, onSent) {
    this.#sessionId = sessionId;
    this.#address = parseSessionId(sessionId);
    this.#onSent = onSent;
    this.#transcript = h('ol', { class: 'transcript', 'data-testid': 'transcript' });
    this.#composer = this.#address?.platform === 'http' ? this.#buildComposer() : h('p', { class: 'note', text: `This session's platform is "${this.#address?.platform ?? '?'}": the console can watch it, but it talks as the HTTP platform, so messages sent here would open another session.` });
    this.element = h('section', { class: 'chat card' }, h('h2', { text: 'Chat' }), this.#transcript, this.#composer);
  }

  /** Redraws the transcript from the event log entries and the outbox. */
  update({ events, messages }) {
    this.#known = { events: events ?? this.#known.events, messages: messages ?? this.#known.messages };
    const seen = new Set(this.#known.events.map((entry) => entry.event?.messageId).filter(Boolean));
    this.#pending = this.#pending.filter((item) => !seen.has(item.messageId));
    const names = new Set(this.#known.events.map((entry) => entry.event?.sender?.name ?? entry.event?.sender?.id).filter(Boolean));
    fill(this.#users, [...names].map((name) => h('option', { value: name })));
    this.#render();
  }

  #render() {
    const users = this.#known.events
      .filter((entry) => entry.event?.type === 'message.received')
      .map((entry) => ({ who: 'user', at: entry.event.at, sender: entry.event.sender, text: entry.event.text, images: entry.event.images ?? [] }));
    const bot = this.#known.messages.map((message) => ({ who: 'bot', at: message.deliveredAt ?? message.deliverAt ?? message.at, ...message }));
    const pending = this.#pending.map((item) => ({ who: 'user', ...item }));
    const items = [...users, ...bot, ...pending].sort((a, b) => a.at - b.at);
    const nearBottom = this.#transcript.scrollHeight - this.#transcript.scrollTop - this.#transcript.clientHeight < 60;
    fill(
      this.#transcript,
      items.length === 0 ? h('li', { class: 'empty', text: 'Nothing said yet.' }) : items.map((item) => (item.who === 'user' ? userLine(item) : botLine(item))),
    );
    if (nearBottom) this.#transcript.scrollTop = this.#transcript.scrollHeight;
  }

  #buildComposer() {
    const group = this.#address.type === 'group';
    const user = h('input', { name: 'user', required: true, value: group ? 'alice' : this.#address.chatId, list: 'known-users', 'data-testid': 'composer-user', size: 10 });
    const text = h('textarea', { name: 'text', rows: 2, placeholder: 'Say something…', title: 'Enter sends, Shift+Enter starts a new line', 'data-testid': 'composer-text' });
    const mention = group ? h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'mention', 'data-testid': 'composer-mention' }), '@bot') : null;
    const file = h('input', { type: 'file', accept: imageTypes, multiple: true, 'data-testid': 'composer-image', onchange: () => this.#upload(file) });
    const previews = h('div', { class: 'previews', 'data-testid': 'composer-previews' });
    const status = h('p', { class: 'status', 'data-testid': 'composer-status' });
    const form = h(
      'form',
      { class: 'composer', autocomplete: 'off' },
      h('div', { class: 'row' }, h('label', { class: 'inline' }, 'as ', user), mention, h('label', { class: 'file' }, '+ image', file)),
      previews,
      this.#users,
      h('div', { class: 'row' }, text, h('button', { type: 'submit', 'data-testid': 'composer-send', text: 'Send' })),
      status,
    );
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#send({ user: user.value.trim(), text: text.value, mention: mention?.querySelector('input').checked ?? false }).then((sent) => {
        if (!sent) return;
        text.value = '';
        text.focus();
      });
    });
    this.previews = previews;
    this.status = status;
    return form;
  }

  async #upload(input) {
    for (const file of input.files) {
      this.status.textContent = `uploading ${file.name}…`;
      try {
        const receipt = await api.upload(file);
        this.#images.push({ url: receipt.url, name: file.name });
        this.status.textContent = '';
      } catch (error) {
        this.status.textContent = `${file.name}: ${error.message}`;
      }
    }
    input.value = '';
    this.#renderPreviews();
  }

  #renderPreviews() {
    fill(
      this.previews,
      this.#images.map((image, index) =>
        h('figure', {}, h('img', { src: image.url, alt: image.name }), h('button', { type: 'button', title: 'remove', text: '×', onclick: () => { this.#images.splice(index, 1); this.#renderPreviews(); } })),
      ),
    );
  }

  async #send({ user, text, mention }) {
    if (user === '') return false;
    if (text.trim() === '' && this.#images.length === 0) return false;
    const messageId = `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const sender = { id: user.replace(/[\s{}]+/g, '_'), name: user };
    const images = this.#images.map(({ url }) => ({ url }));
    const body = { chat: { type: this.#address.type, id: this.#address.chatId }, sender, text, images, mentionsBot: mention, messageId };
    this.#pending.push({ messageId, sender, text, images, at: Date.now(), status: 'sending' });
    this.#render();
    try {
      await api.send(body);
      this.#images = [];
      this.#renderPreviews();
      this.status.textContent = '';
      this.#onSent?.();
      return true;
    } catch (error) {
      this.#pending = this.#pending.filter((item) => item.messageId !== messageId);
      this.#render();
      this.status.textContent = `not sent: ${error.message}`;
      return false;
    }
  }
}

function userLine(item) {
  const name = item.sender?.name ?? item.sender?.id ?? '?';
  return h(
    'li',
    { class: `line user${item.status === 'sending' ? ' sending' : ''}`, 'data-testid': 'user-message' },
    h('div', { class: 'meta' }, h('strong', { text: name }), ' ', h('time', { text: clock(item.at) }), item.status === 'sending' ? ' · sending…' : ''),
    item.text ? h('div', { class: 'text', text: item.text }) : null,
    images(item.images),
  );
}

function botLine(item) {
  return h(
    'li',
    { class: `line bot status-${item.status}`, 'data-testid': 'bot-message', dataset: { seq: item.seq, status: item.status } },
    h('div', { class: 'meta' }, h('strong', { text: 'bot' }), ' ', h('time', { text: clock(item.at) }), ` · ${item.kind} · ${item.status}`),
    h('div', { class: 'text', text: item.text }),
  );
}

function images(list) {
  if (!list || list.length === 0) return null;
  return h('div', { class: 'images' }, list.map((image) => h('a', { href: image.url, target: '_blank', rel: 'noopener' }, h('img', { src: image.url, alt: image.sticker ? 'sticker' : 'image', loading: 'lazy' }))));
}
