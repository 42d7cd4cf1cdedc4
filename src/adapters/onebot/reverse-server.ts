/**
 * The reverse WebSocket server: a OneBot implementation dials `onebot.reversePath` on kizuna's HTTP port
 * (the Universal role: events and actions on one socket), announcing its account in `X-Self-ID`. The
 * handshake is checked before the upgrade: a missing or wrong `access_token` (`Authorization: Bearer …` or
 * `?access_token=`) is answered 401, a missing `X-Self-ID` or another role 400. Several accounts may connect
 * at once; a new connection of an account replaces its old one.
 */
import { type IncomingHttpHeaders, type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { sameSecret } from '../../http/access.js';
import type { Logger } from '../../log.js';

export type Handshake = { ok: true; selfId: string } | { ok: false; status: 400 | 401; reason: string };

/** Checks a reverse-connection handshake; `token` undefined or empty means none is required; pure. */
export function checkHandshake(headers: IncomingHttpHeaders, url: URL, token: string | undefined): Handshake {
  if (token !== undefined && token !== '') {
    const offered = bearerOf(headers.authorization) ?? url.searchParams.get('access_token');
    if (offered === null) return { ok: false, status: 401, reason: 'an access token is required (Authorization: Bearer <token>)' };
    if (!sameSecret(offered, token)) return { ok: false, status: 401, reason: 'wrong access token' };
  }
  const selfId = single(headers['x-self-id']);
  if (selfId === undefined || !/^\d{1,20}$/.test(selfId)) return { ok: false, status: 400, reason: 'X-Self-ID (the bot’s QQ number) is required' };
  const role = single(headers['x-client-role']);
  if (role !== undefined && role.toLowerCase() !== 'universal') {
    return { ok: false, status: 400, reason: `X-Client-Role ${role} is not supported: configure the connection as Universal` };
  }
  return { ok: true, selfId };
}

export interface ReverseServer {
  /** Takes an HTTP upgrade when it is for the OneBot path; false leaves it to the caller. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

/** Creates the reverse server; `onConnection` receives each accepted socket with its account. */
export function createReverseServer(options: {
  path: string;
  accessToken: string | undefined;
  maxFrameBytes: number;
  logger: Logger;
  onConnection: (socket: WebSocket, selfId: string) => void;
}): ReverseServer {
  const server = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const path = trimSlash(options.path);
  const current = new Map<string, WebSocket>();
  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (trimSlash(url.pathname) !== path) return false;
      const handshake = checkHandshake(request.headers, url, options.accessToken);
      if (!handshake.ok) {
        options.logger.warn({ remote: request.socket.remoteAddress, status: handshake.status, reason: handshake.reason }, 'OneBot connection refused');
        refuse(socket, handshake.status, handshake.reason);
        return true;
      }
      server.handleUpgrade(request, socket, head, (ws) => {
        current.get(handshake.selfId)?.close(1000, 'replaced by a new connection of the same account');
        current.set(handshake.selfId, ws);
        ws.once('close', () => {
          if (current.get(handshake.selfId) === ws) current.delete(handshake.selfId);
        });
        options.onConnection(ws, handshake.selfId);
      });
      return true;
    },
    close() {
      for (const ws of server.clients) ws.close(1001, 'kizuna is stopping');
      server.close();
    },
  };
}

/** Answers an upgrade request with an HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function bearerOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match === null ? null : match[1]!.trim();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}
