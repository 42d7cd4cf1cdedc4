/**
 * The web console's routes: the page at `/`, its scripts and styles from `src/console/public/` (plain
 * browser modules, no build step, nothing from the internet) and the session machine's diagram drawn from
 * the definition. They hold no data and need no token; the API calls the page makes do. Opening
 * `/?token=<token>` swaps the token for the console's cookie (see `access.ts`) and drops it from the address.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { machineSvg } from '../console/machine-svg.js';
import { RuntimeError } from '../errors.js';
import { sameSecret, tokenCookie } from './access.js';
import type { Route, RouteResult } from './api-routes.js';

export interface ConsoleOptions {
  token?: string | undefined;
  machine: AnyStateMachine;
  /** Where the page and its modules live (default: src/console/public). */
  publicDir?: URL;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Served with every console file: no framing, no referrer, same-origin scripts and connections only. */
const pageHeaders = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; connect-src 'self'; frame-ancestors 'none'",
};

/** The console's routes. */
export function consoleRoutes(options: ConsoleOptions): Route[] {
  const publicDir = options.publicDir ?? new URL('../console/public/', import.meta.url);
  let diagram: string | null = null;
  return [
    {
      method: 'GET',
      pattern: /^\/$/,
      open: true,
      async handle({ url }) {
        const given = url.searchParams.get('token');
        if (given === null) return serveFile(publicDir, 'index.html');
        const token = options.token ?? '';
        if (token !== '' && !sameSecret(given, token)) throw new RuntimeError('unauthorized', 'that token is not this kizuna\'s API token');
        const headers: Record<string, string> = { location: '/', 'cache-control': 'no-store' };
        if (token !== '') headers['set-cookie'] = tokenCookie(token);
        return { status: 303, body: '', headers };
      },
    },
    {
      method: 'GET',
      pattern: /^\/console\/machine\.svg$/,
      open: true,
      handle: async () => {
        diagram ??= machineSvg(options.machine);
        return { status: 200, body: diagram, contentType: contentTypes['.svg'], headers: pageHeaders };
      },
    },
    {
      method: 'GET',
      pattern: /^\/console\/([a-z0-9-]+\.(?:js|css|svg|html))$/,
      open: true,
      handle: async ({ params }) => serveFile(publicDir, params[0] ?? ''),
    },
  ];
}

async function serveFile(publicDir: URL, name: string): Promise<RouteResult> {
  let body: Buffer;
  try {
    body = await readFile(new URL(name, publicDir));
  } catch {
    throw new RuntimeError('not_found', `no console file ${name}`);
  }
  return { status: 200, body, contentType: contentTypes[extname(name)] ?? 'application/octet-stream', headers: pageHeaders };
}
