/**
 * A real HTTP server speaking enough of the OpenAI protocol for the real openai SDK to talk to it
 * (chat completions, speech, embeddings) on 127.0.0.1. It records every request and answers from a script:
 * a queue of behaviours, each used by one request whatever its route, then a default.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type FakeAnswer,
  type FakeBehaviour,
  type JsonObject,
  type RecordedRequest,
  chatCompletionBody,
  embeddingsBody,
  errorBody,
  fakeSpeechAudio,
  speechContentTypes,
} from './fake-openai-behaviours.js';

export type { FakeAnswer, FakeBehaviour, RecordedRequest } from './fake-openai-behaviours.js';

export interface FakeOpenAi {
  /** The API root to give the SDK, e.g. `http://127.0.0.1:40123/v1`. */
  baseUrl: string;
  /** Every request received so far, in arrival order. */
  requests: RecordedRequest[];
  /** Queues behaviours for the next requests, one each. */
  script(...behaviours: FakeBehaviour[]): void;
  /** The behaviour used once the script is empty (initially a short text answer). */
  setDefault(behaviour: FakeBehaviour): void;
  /** Stops the server, ending hanging and delayed requests. */
  close(): Promise<void>;
}

/** Starts a fake OpenAI server on a free loopback port. Performs I/O. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeBehaviour[] = [];
  let fallback: FakeBehaviour = { text: 'Hello from the fake model.' };
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    readRequest(req).then(
      (recorded) => {
        requests.push(recorded);
        const behaviour = queue.shift() ?? fallback;
        respond(resolve(behaviour, recorded, fallback), recorded, res, requests.length, timers);
      },
      // The client went away while sending its body: nothing to record or answer.
      () => res.destroy(),
    );
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => void queue.push(...behaviours),
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  return {
    method: req.method ?? 'GET',
    path: (req.url ?? '/').split('?')[0] ?? '/',
    headers: req.headers,
    body: parseObject(rawBody),
    rawBody,
    clientClosed: false,
  };
}

function parseObject(text: string): JsonObject {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
  } catch {
    return {};
  }
}

/** The answer a behaviour gives; a bare delay answers like the default, which may not itself be a bare delay. */
function resolve(behaviour: FakeBehaviour, request: RecordedRequest, fallback: FakeBehaviour): FakeAnswer {
  const answer = typeof behaviour === 'function' ? behaviour(request) : behaviour;
  if (!isBareDelay(answer)) return answer;
  const base = typeof fallback === 'function' ? fallback(request) : fallback;
  return isBareDelay(base) ? { text: 'Hello from the fake model.', delayMs: answer.delayMs } : { ...base, delayMs: answer.delayMs };
}

function isBareDelay(answer: FakeAnswer): answer is { delayMs: number } {
  return !['toolCalls', 'text', 'oversized', 'garbage', 'status', 'hangMs'].some((key) => key in answer);
}

function respond(answer: FakeAnswer, request: RecordedRequest, res: ServerResponse, seq: number, timers: Set<NodeJS.Timeout>): void {
  if (res.closed) {
    request.clientClosed = true;
    return;
  }
  let endedByServer = false;
  const later = (ms: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };
  res.once('close', () => {
    if (!res.writableFinished && !endedByServer) request.clientClosed = true;
  });
  if ('hangMs' in answer) {
    if (answer.afterHeaders === true) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "chatcmpl-stalled", "choices": [');
    }
    later(answer.hangMs, () => {
      endedByServer = true;
      res.destroy();
    });
    return;
  }
  const send = () => write(answer, request, res, seq);
  if (answer.delayMs === undefined || answer.delayMs <= 0) send();
  else later(answer.delayMs, send);
}

function write(answer: Exclude<FakeAnswer, { hangMs: number }>, request: RecordedRequest, res: ServerResponse, seq: number): void {
  if ('status' in answer) return json(res, answer.status, answer.body ?? errorBody(answer.status));
  if ('garbage' in answer) {
    res.writeHead(200, { 'content-type': answer.contentType ?? 'application/json' });
    return void res.end('<html>502 Bad Gateway</html> {"choices": [');
  }
  switch (request.path) {
    case '/v1/chat/completions':
      return json(res, 200, chatCompletionBody(answer, request, seq));
    case '/v1/embeddings':
      return json(res, 200, embeddingsBody(request));
    case '/v1/audio/speech': {
      const format = typeof request.body['response_format'] === 'string' ? request.body['response_format'] : 'mp3';
      res.writeHead(200, { 'content-type': speechContentTypes[format] ?? 'application/octet-stream' });
      return void res.end(fakeSpeechAudio(String(request.body['input'] ?? '')));
    }
    default:
      return json(res, 404, { error: { message: `no route ${request.method} ${request.path}`, type: 'not_found', code: null } });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}
