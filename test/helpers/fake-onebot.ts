/**
 * A simulated OneBot v11 implementation (what NapCat is to kizuna), on real WebSockets: it either dials
 * kizuna's reverse endpoint (`connectTo`) or serves a forward endpoint kizuna dials (`listen`). It sends
 * message events in either format, records every action it receives, and answers each from a script:
 * success with a fresh `message_id` by default, or a failure retcode, silence, or dropping the connection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { waitFor } from './wait-for.js';

export interface RecordedAction {
  action: string;
  params: Record<string, unknown>;
  echo: unknown;
  at: number;
  /** The response the fake sent back, if it answered. */
  response?: { status: string; retcode: number; data: unknown };
}

/** How the fake answers an action: a response envelope, nothing at all, or closing the connection first. */
export type ActionAnswer = { status?: string; retcode?: number; data?: unknown; message?: string } | 'silence' | 'disconnect';

export interface DialOptions {
  token?: string;
  /** Put the token in `?access_token=` instead of the Authorization header. */
  tokenInQuery?: boolean;
  headers?: Record<string, string>;
}

export class FakeOnebot {
  readonly selfId: string;
  readonly actions: RecordedAction[] = [];
  /** Close codes of the connections that ended, in order. */
  readonly closes: number[] = [];
  /** Times kizuna tried to open a forward connection (accepted or refused). */
  readonly attempts: number[] = [];
  /** While set, forward connection attempts are answered with this HTTP status. */
  refuseWith: number | null = null;
  connections = 0;
  #socket: WebSocket | null = null;
  #answer: (action: RecordedAction) => ActionAnswer | undefined = () => undefined;
  #nextMessageId = 1000;
  #server: Server | null = null;
  #wss: WebSocketServer | null = null;

  constructor(selfId = '10001') {
    this.selfId = selfId;
  }

  /** True while a connection is open. */
  get connected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Answers the actions `answer` returns something for (the rest succeed), until replaced. */
  script(answer: (action: RecordedAction) => ActionAnswer | undefined): void {
    this.#answer = answer;
  }

  /** Dials kizuna's reverse endpoint as this account (Universal role). Performs I/O. */
  async connectTo(url: string, options: DialOptions = {}): Promise<void> {
    const target = new URL(url);
    if (options.token !== undefined && options.tokenInQuery) target.searchParams.set('access_token', options.token);
    const headers: Record<string, string> = { 'X-Self-ID': this.selfId, 'X-Client-Role': 'Universal', ...options.headers };
    if (options.token !== undefined && !options.tokenInQuery) headers.Authorization = `Bearer ${options.token}`;
    const socket = new WebSocket(target, { headers });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    this.#adopt(socket);
  }

  /** Serves a forward endpoint kizuna can dial; resolves with its ws:// URL. Performs I/O. */
  async listen(token?: string): Promise<string> {
    this.#wss = new WebSocketServer({ noServer: true });
    this.#server = createServer((_request, response) => response.writeHead(426).end());
    this.#server.on('upgrade', (request, socket, head) => {
      this.attempts.push(Date.now());
      const refusal = this.refuseWith ?? (token !== undefined && request.headers.authorization !== `Bearer ${token}` ? 401 : null);
      if (refusal !== null) return void socket.end(`HTTP/1.1 ${refusal} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      this.#wss!.handleUpgrade(request, socket, head, (ws) => this.#adopt(ws));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
  }

  /** Sends a private message event; `message` is a CQ-code string or segments. Returns its message id. */
  sendPrivate(userId: number, message: unknown, options: { messageId?: number; nickname?: string } = {}): number {
    const messageId = options.messageId ?? this.#nextMessageId++;
    this.sendEvent({
      post_type: 'message',
      message_type: 'private',
      sub_type: 'friend',
      message_id: messageId,
      user_id: userId,
      message,
      raw_message: typeof message === 'string' ? message : '',
      font: 0,
      sender: { user_id: userId, nickname: options.nickname ?? `user${userId}`, sex: 'unknown', age: 0 },
    });
    return messageId;
  }

  /** Sends a group message event. Returns its message id. */
  sendGroup(groupId: number, userId: number, message: unknown, options: { messageId?: number; card?: string; nickname?: string } = {}): number {
    const messageId = options.messageId ?? this.#nextMessageId++;
    this.sendEvent({
      post_type: 'message',
      message_type: 'group',
      sub_type: 'normal',
      message_id: messageId,
      group_id: groupId,
      user_id: userId,
      message,
      raw_message: typeof message === 'string' ? message : '',
      font: 0,
      sender: { user_id: userId, nickname: options.nickname ?? `user${userId}`, card: options.card ?? '', role: 'member' },
    });
    return messageId;
  }

  /** Sends an event with the common fields filled in. */
  sendEvent(event: Record<string, unknown>): void {
    this.sendRaw(JSON.stringify({ time: Math.floor(Date.now() / 1000), self_id: Number(this.selfId), ...event }));
  }

  /** Sends a frame as it is. */
  sendRaw(frame: string | Buffer): void {
    if (this.#socket === null) throw new Error('the fake OneBot is not connected');
    this.#socket.send(frame);
  }

  /** Closes the connection (the peer sees code `code`) and waits until it is closed. */
  async disconnect(code = 1000): Promise<void> {
    const socket = this.#socket;
    if (socket === null) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close(code);
    await closed;
  }

  /** The message id the fake answered a send action with. */
  static messageIdOf(action: RecordedAction): string {
    return String((action.response?.data as { message_id?: number } | null)?.message_id);
  }

  /** Waits for `count` actions named `action` (optionally matching `where`); returns them. */
  async waitForActions(action: string, count = 1, where: (recorded: RecordedAction) => boolean = () => true): Promise<RecordedAction[]> {
    return waitFor(() => {
      const found = this.actionsNamed(action).filter(where);
      return found.length >= count ? found : undefined;
    }, { message: `${count} ${action} action(s) at the fake OneBot ${this.selfId}` });
  }

  actionsNamed(action: string): RecordedAction[] {
    return this.actions.filter((recorded) => recorded.action === action);
  }

  /** Closes every connection and the forward endpoint. */
  async close(): Promise<void> {
    await this.disconnect();
    for (const client of this.#wss?.clients ?? []) client.terminate();
    this.#wss?.close();
    await new Promise((resolve) => (this.#server === null ? resolve(undefined) : this.#server.close(resolve)));
  }

  #adopt(socket: WebSocket): void {
    this.#socket = socket;
    this.connections++;
    socket.on('message', (data) => this.#onFrame(socket, String(data)));
    socket.once('close', (code) => {
      this.closes.push(code);
      if (this.#socket === socket) this.#socket = null;
    });
    this.sendEvent({ post_type: 'meta_event', meta_event_type: 'lifecycle', sub_type: 'connect' });
  }

  #onFrame(socket: WebSocket, text: string): void {
    const frame = JSON.parse(text) as { action: string; params?: Record<string, unknown>; echo?: unknown };
    const recorded: RecordedAction = { action: frame.action, params: frame.params ?? {}, echo: frame.echo, at: Date.now() };
    this.actions.push(recorded);
    const answer = this.#answer(recorded) ?? { status: 'ok', retcode: 0, data: frame.action.startsWith('send_') ? { message_id: this.#nextMessageId++ } : null };
    if (answer === 'silence') return;
    if (answer === 'disconnect') return void socket.terminate();
    const retcode = answer.retcode ?? 0;
    recorded.response = { status: answer.status ?? (retcode === 0 ? 'ok' : 'failed'), retcode, data: answer.data ?? null };
    socket.send(JSON.stringify({ ...recorded.response, message: answer.message ?? '', wording: answer.message ?? '', echo: frame.echo }));
  }
}

/** Tries a reverse-connection handshake; resolves with the HTTP status of a refusal, or 101 when it opened. */
export async function handshakeStatus(url: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => {
      if (!/closed before the connection/.test(error.message)) reject(error);
    });
  });
}
