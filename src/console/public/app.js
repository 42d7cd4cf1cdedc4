// The console's entry point: the sessions list, the live stream, and the page shown for the address
// (`#/` the welcome, `#/s/<sessionId>` a session). A token-protected kizuna asks for its token first.
import { api, parseSessionId } from './api.js';
import { fill, h } from './dom.js';
import { SessionPage } from './session-page.js';
import { SessionsList } from './sessions-list.js';
import { openStream } from './stream.js';

const view = document.getElementById('view');
const connection = document.getElementById('connection');
const sessions = new SessionsList(document.getElementById('sessions'));
let page = null;

async function main() {
  try {
    sessions.load(await api.sessions());
  } catch (error) {
    if (error.status === 401) return askForToken();
    return showProblem(error);
  }
  openStream(onCommit, (status) => {
    connection.textContent = status;
    connection.dataset.status = status;
  });
  document.getElementById('open-chat').addEventListener('submit', openChat);
  window.addEventListener('hashchange', route);
  await route();
}

function onCommit(record) {
  sessions.update(record);
  if (page?.sessionId === record.sessionId) page.view.applyCommit(record);
}

async function route() {
  const match = /^#\/s\/(.+)$/.exec(location.hash);
  const sessionId = match === null ? null : decodedOrNull(match[1]);
  page?.view.close();
  page = null;
  sessions.select(sessionId);
  if (match === null) return showWelcome();
  if (sessionId === null || parseSessionId(sessionId) === null) return showProblem(new Error(`"${sessionId ?? match[1]}" is not a session id (<platform>:<private|group>:<chatId>)`));
  const sessionPage = new SessionPage(sessionId);
  page = { sessionId, view: sessionPage };
  fill(view, sessionPage.element);
  await sessionPage.start().catch(showProblem);
}

/** The decoded address part, or null when its percent-escapes are malformed (`%E0%A4%A`). */
function decodedOrNull(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function openChat(event) {
  event.preventDefault();
  const form = event.target;
  const chatId = form.elements.id.value.trim().replace(/[\s{}]+/g, '_');
  if (chatId === '') return;
  location.hash = `#/s/${encodeURIComponent(`http:${form.elements.type.value}:${chatId}`)}`;
}

function showWelcome() {
  fill(
    view,
    h(
      'section',
      { class: 'card welcome' },
      h('h1', { text: 'Watch a session instead of reading logs' }),
      h('p', { text: 'Open a chat on the left (private, or a group where you can talk as several users), say something, and watch its session machine move: the diagram highlights the current state, timers count down, every LLM call shows what was sent and what came back.' }),
      h('p', { text: 'Sessions from other platforms appear in the list too; the chat box talks as the HTTP platform.' }),
    ),
  );
}

function askForToken() {
  connection.textContent = 'locked';
  const input = h('input', { name: 'token', type: 'password', required: true, 'data-testid': 'token' });
  fill(
    view,
    h(
      'form',
      { class: 'card welcome', onsubmit: (event) => { event.preventDefault(); location.href = `/?token=${encodeURIComponent(input.value)}`; } },
      h('h1', { text: 'This kizuna needs its API token' }),
      h('p', { text: 'Enter the token kizuna was started with (KIZUNA_API_TOKEN or http.token). The console keeps it in a cookie for this browser session.' }),
      input,
      h('button', { type: 'submit', text: 'Unlock' }),
    ),
  );
}

function showProblem(error) {
  fill(view, h('section', { class: 'card problem' }, h('h1', { text: 'Something went wrong' }), h('pre', { text: error.message ?? String(error) })));
}

main();
