/**
 * Who may use the API: with a token configured (`http.token` / `KIZUNA_API_TOKEN`), a request carries it as
 * `Authorization: Bearer <token>`, or — for the console, whose EventSource and <img> requests cannot set
 * headers — as an HttpOnly SameSite=Strict cookie set by opening `/?token=<token>`. A cookie-borne POST must
 * also come from the console's own origin, so another page cannot act with it. Without a token the API is
 * open to this machine, which is why `kizuna start` refuses to listen beyond loopback without one — and
 * since any web page the operator opens runs on this machine too, a request must then be addressed to a
 * loopback name (a page on a DNS name rebound to 127.0.0.1 sends its own name as `Host`) and a POST must not
 * come from another origin (a form or a no-cors fetch carries the page's `Origin`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RuntimeError } from '../errors.js';

export const tokenCookieName = 'kizuna_token';

/** Why the request may not use a protected route (`unauthorized`, or `forbidden` without a token), or null. */
export function accessRefusal(request: IncomingMessage, token: string | undefined): RuntimeError | null {
  if (token !== undefined && token !== '') return hasToken(request, token) ? null : new RuntimeError('unauthorized', 'a bearer token is required');
  if (isLocalRequest(request)) return null;
  return new RuntimeError(
    'forbidden',
    'this kizuna has no API token, so it answers only requests addressed to a loopback name (Host) and changes from no other origin (Origin); set KIZUNA_API_TOKEN to reach it otherwise',
  );
}

/** True when the request may use a protected route. */
export function isAuthorized(request: IncomingMessage, token: string | undefined): boolean {
  return accessRefusal(request, token) === null;
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length), token)) return true;
  const cookie = cookieValue(request.headers.cookie, tokenCookieName);
  if (cookie === null || !sameSecret(cookie, token)) return false;
  return request.method === 'GET' || request.method === 'HEAD' || isSameOrigin(request);
}

/** The Set-Cookie header that lets the console's browser carry `token`; pure. */
export function tokenCookie(token: string): string {
  return `${tokenCookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Compares two secrets in constant time; pure. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True for an interface only this machine can reach (`127.0.0.0/8`, `::1`, `localhost`); pure. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** Throws config_invalid when the API would listen beyond loopback with no token; pure. */
export function assertSafeBind(http: { host: string; token?: string | undefined }): void {
  if (isLoopbackHost(http.host) || (http.token ?? '') !== '') return;
  throw new RuntimeError(
    'config_invalid',
    `http.host is "${http.host}", reachable from other machines, and no API token is set: anyone there could read every ` +
      'conversation and talk as any user. Set KIZUNA_API_TOKEN (or http.token), or listen on 127.0.0.1.',
  );
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

/** Without a token: addressed to a loopback name (or no Host at all), and a change only from no or the same origin. */
function isLocalRequest(request: IncomingMessage): boolean {
  const host = request.headers.host;
  if (host !== undefined && !(URL.canParse(`http://${host}`) && isLoopbackHost(new URL(`http://${host}`).hostname))) return false;
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return request.headers.origin === undefined || isSameOrigin(request);
}

function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || !URL.canParse(origin)) return false;
  return new URL(origin).host === request.headers.host;
}
