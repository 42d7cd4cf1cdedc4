/**
 * Server-sent events for `GET /v1/stream`: one Redis subscription to the commit channel, fanned out to
 * every connected client, with a heartbeat comment so proxies keep the connection open; a client that
 * stops reading is dropped once `maxUnsentBytes` wait for it.
 */
import type { ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import { globalKeys } from '../redis/keys.js';

/**
 * Unsent bytes past which a client counts as no longer reading: it is dropped rather than buffered for without
 * end (an EventSource reconnects by itself, and the console re-reads what it shows).
 */
export const maxUnsentBytes = 1024 * 1024;

export class SseHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #subscriber: Redis;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(subscriber: Redis, prefix: string, heartbeatMs = 15_000) {
    this.#subscriber = subscriber;
    const channel = globalKeys(prefix).stream;
    // The subscriber reconnects (and resubscribes) by itself while Redis restarts.
    subscriber.on('error', () => undefined);
    subscriber.subscribe(channel).catch(() => undefined);
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) this.broadcast('commit', message);
    });
    this.#heartbeat = setInterval(() => this.#write(': heartbeat\n\n'), heartbeatMs);
    this.#heartbeat.unref();
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Turns `response` into an event stream and keeps it until the client leaves. */
  attach(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  /** Sends one event (its data already JSON) to every client. */
  broadcast(event: string, data: string): void {
    this.#write(`event: ${event}\ndata: ${data}\n\n`);
  }

  /** Ends every stream and the subscription. */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    this.#subscriber.disconnect();
  }

  #write(text: string): void {
    for (const client of this.#clients) {
      if (client.writableLength > maxUnsentBytes) {
        this.#clients.delete(client);
        client.destroy();
      } else client.write(text);
    }
  }
}
