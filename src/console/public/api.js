// The console's calls to the kizuna HTTP API. The token, when one is needed, travels in the console's
// HttpOnly cookie (set by opening /?token=…), so nothing here handles it.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body, headers = {}) {
  const response = await fetch(path, { method, body, headers, credentials: 'same-origin' });
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = typeof data === 'object' && data !== null ? data.error ?? {} : {};
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? String(data));
  }
  return data;
}

const session = (id) => `/v1/sessions/${encodeURIComponent(id)}`;

export const api = {
  sessions: () => call('GET', '/v1/sessions'),
  session: (id) => call('GET', session(id)),
  conversation: (id) => call('GET', `${session(id)}/conversation`),
  messages: (id) => call('GET', `${session(id)}/messages?include=all`),
  events: (id) => call('GET', `${session(id)}/events`),
  llmCalls: (id) => call('GET', `${session(id)}/llm`),
  replay: (id) => call('POST', `${session(id)}/replay`),
  send: (message) => call('POST', '/v1/messages', JSON.stringify(message), { 'content-type': 'application/json' }),
  upload: (file) => call('POST', '/v1/images', file, { 'content-type': file.type || 'application/octet-stream' }),
};

/** A session id's parts: `http:private:alice` → {platform, type, chatId}. */
export function parseSessionId(id) {
  const match = /^([a-z][a-z0-9_-]{0,31}):(private|group):([^\s{}:][^\s{}]{0,127})$/u.exec(id);
  return match === null ? null : { platform: match[1], type: match[2], chatId: match[3] };
}
