/**
 * The HTTP server: routing, the optional bearer token, and one mapping from runtime errors to statuses
 * (400 bad input naming the field, 401, 403, 404, 413, 503 when Redis is unreachable, 500 otherwise).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { InvalidInputError, RuntimeError } from '../errors.js';
import type { Logger } from '../log.js';
import { accessRefusal } from './access.js';
import type { Route, RouteResult } from './api-routes.js';

export interface HttpServerOptions {
  routes: Route[];
  token?: string | undefined;
  logger: Logger;
  /** Takes WebSocket upgrades (the OneBot reverse server); false or absent: the upgrade is answered 404. */
  upgrade?: ((request: IncomingMessage, socket: Duplex, head: Buffer) => boolean) | undefined;
}

const statusOfCode: Partial<Record<RuntimeError['code'], number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  redis_unavailable: 503,
  redis_full: 503,
};

/** Creates (but does not start) the HTTP server. */
export function createHttpServer(options: HttpServerOptions): Server {
  const server = createServer((request, response) => {
    handleRequest(request, response, options).catch((error: unknown) => {
      options.logger.error({ err: error }, 'unhandled HTTP error');
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'internal', message: 'internal error' } });
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (options.upgrade?.(request, socket, head)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}

/** Starts listening and resolves with the bound port. Performs I/O. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = findRoute(options.routes, request.method ?? 'GET', url.pathname);
  if (match === null) return sendJson(response, 404, { error: { code: 'not_found', message: `no route ${url.pathname}` } });
  if (match === 'method') return sendJson(response, 405, { error: { code: 'method_not_allowed', message: request.method } });
  try {
    const refusal = match.route.open ? null : accessRefusal(request, options.token);
    if (refusal !== null) throw refusal;
    const result = await match.route.handle({ request, response, url, params: match.params });
    if (result !== 'streaming') send(response, result);
  } catch (error) {
    sendError(request, response, error, options.logger);
  }
}

function findRoute(routes: Route[], method: string, path: string): { route: Route; params: string[] } | 'method' | null {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: match.slice(1) };
  }
  return pathMatched ? 'method' : null;
}

function send(response: ServerResponse, result: Exclude<RouteResult, 'streaming'>): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
  if (typeof result.body === 'string' || Buffer.isBuffer(result.body)) {
    response.writeHead(result.status, { 'content-type': result.contentType ?? 'text/plain; charset=utf-8' });
    response.end(result.body);
    return;
  }
  sendJson(response, result.status, result.body);
}

function sendError(request: IncomingMessage, response: ServerResponse, error: unknown, logger: Logger): void {
  if (!(error instanceof RuntimeError)) {
    logger.error({ err: error }, 'request failed');
    return sendJson(response, 500, { error: { code: 'internal', message: 'internal error' } });
  }
  const status = statusOfCode[error.code] ?? 500;
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error instanceof InvalidInputError) body.field = error.field;
  if (status === 413) {
    // The rest of the body is not read; close the connection instead of draining it.
    response.setHeader('connection', 'close');
    response.once('finish', () => request.destroy());
  }
  if (status === 503) response.setHeader('retry-after', '1');
  sendJson(response, status, { error: body });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
