/**
 * `kizuna start --inspect`: feeds every session actor's inspection events to the Stately inspector through
 * @statelyai/inspect. By default it also starts the package's local relay (HTTP + WebSocket, port from the
 * URL), whose page embeds the hosted inspector UI — so the browser viewing it needs internet; the process does not.
 */
import { createWebSocketInspector } from '@statelyai/inspect';
import { createInspectorServer } from '@statelyai/inspect/server';
import type { Logger } from '../log.js';
import type { Inspector } from './inspection.js';

export interface StatelyConnection {
  inspector: Inspector;
  /** The page to open in a browser, when the relay runs in this process. */
  pageUrl: string | null;
  stop(): void;
}

/** Starts the relay (optionally) and connects the WebSocket inspector. Performs I/O. */
export function connectStatelyInspector(options: { url: string; startServer: boolean }, logger: Logger): StatelyConnection {
  const port = Number(new URL(options.url).port || 8080);
  const server = options.startServer ? createInspectorServer({ port, autoOpen: false }) : null;
  const client = createWebSocketInspector({ url: options.url });
  logger.info({ url: options.url }, 'Stately inspector connected');
  return {
    inspector: (event) => client.inspect.next?.(event),
    pageUrl: server === null ? null : `http://localhost:${port}`,
    stop() {
      client.stop();
      server?.stop();
    },
  };
}
