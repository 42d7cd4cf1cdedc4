/**
 * Drives the pure session machine in unit tests: settings by override, events with explicit times, and the
 * emitted records sorted by kind — no Redis, no clock.
 */
import { createActor } from 'xstate';
import { sessionMachine } from '../../machines/session-machine.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type {
  HistoryRecord,
  MentalRecord,
  OutboundMessage,
  SessionContext,
  SessionEmitted,
  SessionSettings,
  TimerName,
  ToolCall,
} from '../../machines/session-types.js';

type Overrides = { [K in keyof SessionSettings]?: Partial<SessionSettings[K]> };

/** Default settings with `overrides` merged in, section by section. */
export function settingsWith(overrides: Overrides = {}): SessionSettings {
  const merged = structuredClone(defaultSessionSettings) as unknown as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(overrides)) {
    merged[section] = Array.isArray(values) ? (values as never) : { ...merged[section], ...values };
  }
  return merged as unknown as SessionSettings;
}

export class MachineHarness {
  readonly actor;
  readonly emitted: SessionEmitted[] = [];
  readonly #delivered = new Set<number>();

  constructor(overrides: Overrides = {}, sessionId = 'http:private:alice') {
    this.actor = createActor(sessionMachine, { input: { sessionId } });
    this.actor.on('*', (event) => this.emitted.push(event));
    this.actor.start();
    this.actor.send({ type: 'settings.changed', at: 0, settings: settingsWith(overrides) });
  }

  get context(): SessionContext {
    return this.actor.getSnapshot().context;
  }

  get state(): string {
    return this.actor.getSnapshot().value as string;
  }

  get outbound(): OutboundMessage[] {
    return this.emitted.filter((item): item is OutboundMessage => item.type === 'outbound.queued');
  }

  get history(): HistoryRecord[] {
    return this.emitted.filter((item): item is HistoryRecord => item.type === 'history.recorded');
  }

  get mental(): MentalRecord[] {
    return this.emitted.filter((item): item is MentalRecord => item.type === 'mental.recorded');
  }

  say(text: string, at: number, completeness = 0.95, images: string[] = []): this {
    this.actor.send({ type: 'message.received', at, sender: { id: 'alice' }, text, images: images.map((url) => ({ url })), mentionsBot: false, completeness });
    return this;
  }

  /** Answers the turn in flight with `calls`. */
  answer(at: number, calls: ToolCall[]): this {
    const turn = this.context.turn;
    if (turn === null) throw new Error(`no turn in flight (state ${this.state})`);
    this.actor.send({ type: 'llm.replied', at, requestId: turn.requestId, calls });
    return this;
  }

  failTurn(at: number): this {
    const turn = this.context.turn;
    if (turn === null) throw new Error('no turn in flight');
    this.actor.send({ type: 'llm.failed', at, requestId: turn.requestId, error: { code: 'llm_failed', message: 'boom' } });
    return this;
  }

  /**
   * Fires timer `name` at its deadline (or at `at`): when its deadline was pushed past its job, the job's early
   * firing is delivered first, as the runtime would.
   */
  fire(name: TimerName, at?: number): this {
    let entry = this.context.timers[name];
    if (entry === undefined) throw new Error(`timer ${name} is not armed (state ${this.state})`);
    while (entry !== undefined && entry.dueAt > entry.firesAt) {
      this.actor.send({ type: 'timer.fired', at: entry.firesAt, name, gen: entry.gen, dueAt: entry.firesAt });
      entry = this.context.timers[name];
    }
    if (entry === undefined) throw new Error(`timer ${name} vanished while renewing`);
    this.actor.send({ type: 'timer.fired', at: at ?? entry.firesAt, name, gen: entry.gen, dueAt: entry.firesAt });
    return this;
  }

  /** Reports every queued message as delivered at its deliverAt. */
  deliverAll(): this {
    for (const message of this.outbound) {
      if (this.#delivered.has(message.seq)) continue;
      this.#delivered.add(message.seq);
      this.actor.send({ type: 'outbound.delivered', at: message.deliverAt, seq: message.seq, kind: message.kind, text: message.text });
    }
    return this;
  }

  /** Answers the side request in flight (an inner thought or a reminder's wording) with `text`. */
  answerSide(at: number, text: string, fallback = false): this {
    const request = this.context.side[0];
    if (request === undefined) throw new Error('no side request in flight');
    this.actor.send({ type: 'llm.text', at, requestId: request.requestId, text, fallback });
    return this;
  }
}

export const reply = (content: string, maxWaitSeconds?: number, extra: Partial<Extract<ToolCall, { tool: 'reply' }>> = {}): ToolCall => ({
  tool: 'reply',
  content,
  ...(maxWaitSeconds === undefined ? {} : { maxWaitSeconds }),
  ...extra,
});

export const doNothing = (maxWaitSeconds?: number): ToolCall => ({ tool: 'do_nothing', ...(maxWaitSeconds === undefined ? {} : { maxWaitSeconds }) });
