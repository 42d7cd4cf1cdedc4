/**
 * The HTTP API's routes: ingest a message, list and read sessions, their outbound messages and event logs,
 * the commit stream, health and metrics. Each handler returns a status and a JSON body; errors are thrown as
 * RuntimeErrors and mapped to statuses by the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime/runtime.js';
import { checkUploadReferences, imageRoutes } from './image-routes.js';
import { inspectionRoutes } from './inspection-routes.js';
import { parseMessageBody } from './message-body.js';
import { renderPrometheus } from './prometheus.js';
import { readJsonBody } from './read-body.js';
import { existingSession, knownSessionId, notFound, numberParam } from './route-params.js';
import type { SseHub } from './sse-hub.js';

export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: string[];
}

export type RouteResult = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> } | 'streaming';

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Open routes need no bearer token. */
  open?: boolean;
  handle(context: RouteContext): Promise<RouteResult>;
}

export interface ApiDependencies {
  runtime: Pick<Runtime, 'ingestor' | 'reader' | 'stats' | 'redis' | 'uploads' | 'llmCalls'>;
  hub: SseHub;
  maxBodyBytes: number;
  now?: () => number;
}

/** Builds the API's route table. */
export function createApiRoutes(deps: ApiDependencies): Route[] {
  const now = deps.now ?? Date.now;
  const { ingestor, reader, stats, redis } = deps.runtime;
  return [
    {
      method: 'POST',
      pattern: /^\/v1\/messages$/,
      async handle({ request }) {
        const body = await readJsonBody(request, deps.maxBodyBytes);
        const message = parseMessageBody(body, now());
        if (message.event.type === 'message.received') await checkUploadReferences(deps.runtime.uploads, message.event.images);
        const receipt = await ingestor.ingest(message.sessionId, message.event, message.messageId);
        return { status: 202, body: receipt };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/sessions$/,
      async handle({ url }) {
        const [offset, limit] = [numberParam(url, 'offset', 0), numberParam(url, 'limit', 1000)];
        // Redis would read the range of a zero limit (`offset .. offset - 1`) as "to the end".
        return { status: 200, body: limit === 0 ? [] : await reader.listSessions(offset, limit) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/sessions\/([^/]+)$/,
      async handle({ params }) {
        const view = await reader.getSession(knownSessionId(params[0]));
        if (view === null) throw notFound(params[0]);
        const { snapshot: _snapshot, ...body } = view;
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/sessions\/([^/]+)\/messages$/,
      async handle({ params, url }) {
        const sessionId = await existingSession(reader, params[0]);
        const messages = await reader.readOutbox(sessionId, numberParam(url, 'after', 0));
        const all = url.searchParams.get('include') === 'all';
        return { status: 200, body: all ? messages : messages.filter((message) => message.status === 'delivered') };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/sessions\/([^/]+)\/conversation$/,
      async handle({ params }) {
        const sessionId = await existingSession(reader, params[0]);
        return { status: 200, body: await reader.readConversation(sessionId) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/sessions\/([^/]+)\/events$/,
      async handle({ params }) {
        const sessionId = await existingSession(reader, params[0]);
        return { status: 200, body: await reader.readLog(sessionId) };
      },
    },
    ...imageRoutes(deps.runtime.uploads, now),
    ...inspectionRoutes(reader, deps.runtime.llmCalls),
    {
      method: 'GET',
      pattern: /^\/v1\/stream$/,
      handle: async ({ response }) => {
        deps.hub.attach(response);
        return 'streaming';
      },
    },
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      open: true,
      handle: async () => {
        const ready = redis.status === 'ready';
        return { status: ready ? 200 : 503, body: { status: ready ? 'ok' : 'degraded', redis: redis.status } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      handle: async () => ({
        status: 200,
        body: renderPrometheus(stats.getSnapshot().context, { sse_clients: deps.hub.clientCount }),
        contentType: 'text/plain; version=0.0.4',
      }),
    },
  ];
}
