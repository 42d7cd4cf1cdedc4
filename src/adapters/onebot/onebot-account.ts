/**
 * One bot account's action channel: actions go out on the account's current WebSocket as `{action, params,
 * echo}` and resolve with the response carrying the same echo. Without a connection an action waits for
 * one (bounded). What kizuna knows about each action decides what happens when a connection drops:
 * a frame never written waits and goes out on the next connection; a frame written whose response never
 * came is *unconfirmed* — the implementation may or may not have acted on it — and is reported, not resent.
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { RuntimeError } from '../../errors.js';
import type { ActionResponse } from './onebot-frame.js';

export interface AccountTimeouts {
  /** How long an action waits for a connection before failing (retryably: nothing was written). */
  connectWaitMs: number;
  /** How long a written action waits for its response before it is unconfirmed. */
  actionTimeoutMs: number;
}

interface PendingAction {
  echo: string;
  action: string;
  frame: string;
  socket: WebSocket | null;
  written: boolean;
  timer: NodeJS.Timeout | undefined;
  resolve(response: ActionResponse): void;
  reject(error: RuntimeError): void;
}

export class OnebotAccount {
  readonly selfId: string;
  readonly #timeouts: AccountTimeouts;
  #socket: WebSocket | null = null;
  /** Actions not written yet, oldest first. */
  readonly #waiting: PendingAction[] = [];
  /** Actions handed to a socket, by echo. */
  readonly #inFlight = new Map<string, PendingAction>();
  /** Callers of `waitForConnection`: woken (undefined) on a connection, or given the error on close. */
  readonly #connectWaiters = new Set<(error?: RuntimeError) => void>();
  #closed = false;

  constructor(selfId: string, timeouts: AccountTimeouts) {
    this.selfId = selfId;
    this.#timeouts = timeouts;
  }

  /** True while a connection is open. */
  get connected(): boolean {
    return this.#socket !== null && this.#socket.readyState === WebSocket.OPEN;
  }

  /** Makes `socket` the account's connection and writes the actions that waited for one. */
  attach(socket: WebSocket): void {
    this.#socket = socket;
    for (const wake of this.#connectWaiters) wake();
    this.#connectWaiters.clear();
    for (const pending of this.#waiting.splice(0)) this.#write(pending);
  }

  /** Forgets `socket` (when it is still the connection); its written actions without a response become unconfirmed. */
  detach(socket: WebSocket): void {
    if (this.#socket === socket) this.#socket = null;
    for (const pending of [...this.#inFlight.values()]) {
      if (pending.socket === socket && pending.written) this.#fail(pending, unconfirmed(pending.action, 'the connection closed before the response came'));
    }
  }

  /** Sends an action and resolves with its response; rejects with `platform_unavailable` or `delivery_unconfirmed`. Performs I/O. */
  call(action: string, params: Record<string, unknown>): Promise<ActionResponse> {
    if (this.#closed) return Promise.reject(unavailable(action, 'the OneBot adapter is closed'));
    return new Promise<ActionResponse>((resolve, reject) => {
      const echo = `kz-${randomUUID()}`;
      const frame = JSON.stringify({ action, params, echo });
      this.#write({ echo, action, frame, socket: null, written: false, timer: undefined, resolve, reject });
    });
  }

  /** Resolves once a connection is open, or rejects with `platform_unavailable` after the connect wait. */
  async waitForConnection(): Promise<void> {
    if (this.connected) return;
    if (this.#closed) throw unavailable('connect', 'the OneBot adapter is closed');
    await new Promise<void>((resolve, reject) => {
      const wake = (error?: RuntimeError): void => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = setTimeout(() => {
        this.#connectWaiters.delete(wake);
        reject(unavailable('connect', `no connection from account ${this.selfId} within ${this.#timeouts.connectWaitMs / 1000} s`));
      }, this.#timeouts.connectWaitMs);
      this.#connectWaiters.add(wake);
    });
  }

  /** Settles the action a response answers; false when no action of this account has that echo. */
  settle(response: ActionResponse): boolean {
    const pending = typeof response.echo === 'string' ? this.#inFlight.get(response.echo) : undefined;
    if (pending === undefined) return false;
    this.#inFlight.delete(pending.echo);
    clearTimeout(pending.timer);
    pending.resolve(response);
    return true;
  }

  /** Fails every action not written yet (nothing went out) and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const wake of this.#connectWaiters) wake(unavailable('connect', 'the OneBot adapter closed'));
    this.#connectWaiters.clear();
    for (const pending of this.#waiting.splice(0)) this.#fail(pending, unavailable(pending.action, 'the OneBot adapter closed'));
  }

  #write(pending: PendingAction): void {
    const socket = this.#socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return this.#wait(pending);
    clearTimeout(pending.timer);
    pending.socket = socket;
    this.#inFlight.set(pending.echo, pending);
    socket.send(pending.frame, (error) => {
      if (this.#inFlight.get(pending.echo) !== pending) return;
      if (error !== undefined && error !== null) {
        // The frame did not reach the socket: it is safe to send it again on the next connection.
        this.#inFlight.delete(pending.echo);
        return this.#wait(pending);
      }
      pending.written = true;
      if (this.#socket !== socket) return this.#fail(pending, unconfirmed(pending.action, 'the connection closed before the response came'));
      pending.timer = setTimeout(
        () => this.#fail(pending, unconfirmed(pending.action, `no response within ${this.#timeouts.actionTimeoutMs / 1000} s`)),
        this.#timeouts.actionTimeoutMs,
      );
    });
  }

  #wait(pending: PendingAction): void {
    if (this.#closed) return this.#fail(pending, unavailable(pending.action, 'the OneBot adapter closed'));
    pending.socket = null;
    pending.timer = setTimeout(() => {
      const at = this.#waiting.indexOf(pending);
      if (at >= 0) this.#waiting.splice(at, 1);
      this.#fail(pending, unavailable(pending.action, `no connection from account ${this.selfId} within ${this.#timeouts.connectWaitMs / 1000} s`));
    }, this.#timeouts.connectWaitMs);
    this.#waiting.push(pending);
  }

  #fail(pending: PendingAction, error: RuntimeError): void {
    this.#inFlight.delete(pending.echo);
    clearTimeout(pending.timer);
    pending.reject(error);
  }
}

/** The action was never written: retrying cannot send it twice. */
function unavailable(action: string, reason: string): RuntimeError {
  return new RuntimeError('platform_unavailable', `OneBot ${action}: ${reason}`, { retryable: true });
}

/** The action was written but its outcome is unknown. */
function unconfirmed(action: string, reason: string): RuntimeError {
  return new RuntimeError('delivery_unconfirmed', `OneBot ${action} was written but is unconfirmed: ${reason}`);
}
