/**
 * The forward WebSocket client: kizuna dials the implementation's WebSocket server (`onebot.forwardUrl`),
 * sending the access token as `Authorization: Bearer …`, and dials again whenever the connection closes or
 * cannot be opened — after a delay that doubles from `onebot.reconnectMinSeconds` up to
 * `onebot.reconnectMaxSeconds`, and starts over once a connection opens.
 */
import { WebSocket } from 'ws';
import type { Logger } from '../../log.js';

export interface ForwardClientOptions {
  url: string;
  accessToken: string | undefined;
  maxFrameBytes: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  logger: Logger;
  /** Serves an open socket; resolves once it has closed. */
  onConnection: (socket: WebSocket) => Promise<void>;
}

/** The delay before reconnect attempt `attempt` (0 for the first after a failure); pure. */
export function reconnectDelayMs(attempt: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
}

export class ForwardClient {
  readonly #options: ForwardClientOptions;
  #socket: WebSocket | null = null;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #stopped = false;

  constructor(options: ForwardClientOptions) {
    this.#options = options;
  }

  /** Dials, and keeps dialling until `close`. Performs I/O. */
  start(): void {
    this.#dial();
  }

  /** Stops dialling and closes the connection. */
  close(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket?.close(1001, 'kizuna is stopping');
  }

  #dial(): void {
    if (this.#stopped) return;
    const { url, accessToken, logger } = this.#options;
    const headers: Record<string, string> = accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
    const socket = new WebSocket(url, { headers, maxPayload: this.#options.maxFrameBytes, handshakeTimeout: 10_000 });
    this.#socket = socket;
    let opened = false;
    socket.once('open', () => {
      opened = true;
      this.#failures = 0;
      void this.#options.onConnection(socket);
    });
    socket.on('unexpected-response', (_request, response) => {
      const hint = response.statusCode === 401 || response.statusCode === 403 ? ' (check onebot.accessToken)' : '';
      logger.warn({ url, status: response.statusCode }, `OneBot server refused the connection${hint}`);
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (!opened) logger.debug({ url, err: error }, 'OneBot connect failed');
    });
    socket.once('close', () => {
      if (this.#socket === socket) this.#socket = null;
      this.#scheduleDial();
    });
  }

  #scheduleDial(): void {
    if (this.#stopped) return;
    const delay = reconnectDelayMs(this.#failures++, this.#options.reconnectMinMs, this.#options.reconnectMaxMs);
    this.#options.logger.info({ url: this.#options.url, delayMs: delay }, 'OneBot reconnecting');
    this.#timer = setTimeout(() => this.#dial(), delay);
    this.#timer.unref();
  }
}
