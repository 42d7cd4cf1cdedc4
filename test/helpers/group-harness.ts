/**
 * Drives the pure session machine as a group chat in unit tests: members post messages, the judge answers
 * its side requests, timers fire — all with explicit times, no Redis, no clock.
 */
import type { JudgeScores } from '../../machines/group-types.js';
import type { GroupState } from '../../machines/group-types.js';
import type { ImageRef, MessageReceivedEvent, SessionSettings } from '../../machines/session-types.js';
import { MachineHarness } from './machine-harness.js';

type Overrides = { [K in keyof SessionSettings]?: Partial<SessionSettings[K]> };

export interface PostOptions {
  mentionsBot?: boolean;
  images?: ImageRef[];
  messageId?: string;
  name?: string;
  fromSelf?: boolean;
  completeness?: number;
}

/** Heartflow on, no settle window, no group proactive messages, UTC, no quiet hours: override per test. */
export const groupDefaults: Overrides = {
  heartflow: { enabled: true, settleSeconds: 0 },
  proactive: { enabled: false, quietHours: '00:00-00:00', timezone: 'UTC', policy: 'random-delay' },
  debounce: { enabled: false },
};

/** Scores that make `overall` equal to `value` / 10 whatever the weights. */
export function scoresOf(value: number): JudgeScores {
  return { relevance: value, willingness: value, social: value, timing: value, continuity: value };
}

export class GroupHarness extends MachineHarness {
  constructor(overrides: Overrides = {}, sessionId = 'http:group:g1') {
    const merged: Overrides = { ...groupDefaults };
    for (const [key, value] of Object.entries(overrides) as Array<[keyof SessionSettings, object]>) {
      merged[key] = (Array.isArray(value) ? value : { ...(groupDefaults[key] as object), ...value }) as never;
    }
    super(merged, sessionId);
  }

  get group(): GroupState {
    const group = this.context.group;
    if (group === undefined) throw new Error('not a group session');
    return group;
  }

  /** The judge request in flight, if any. */
  get judging() {
    return this.context.side.find((request) => request.purpose === 'judge') ?? null;
  }

  /** A member's message. */
  post(sender: string, text: string, at: number, options: PostOptions = {}): this {
    const event: MessageReceivedEvent = {
      type: 'message.received',
      at,
      sender: options.name === undefined ? { id: sender } : { id: sender, name: options.name },
      text,
      images: options.images ?? [],
      mentionsBot: options.mentionsBot ?? false,
      completeness: options.completeness ?? 0.95,
      ...(options.messageId === undefined ? {} : { messageId: options.messageId }),
      ...(options.fromSelf === undefined ? {} : { fromSelf: options.fromSelf }),
    };
    this.actor.send(event);
    return this;
  }

  /** Answers the judge request in flight with `scores`. */
  score(at: number, scores: JudgeScores): this {
    const request = this.judging;
    if (request === null) throw new Error(`no judgement in flight (state ${this.state})`);
    this.actor.send({ type: 'judge.scored', at, requestId: request.requestId, scores });
    return this;
  }

  /** Fails the judge request in flight for good. */
  failJudge(at: number, code = 'judge_unreadable'): this {
    const request = this.judging;
    if (request === null) throw new Error('no judgement in flight');
    this.actor.send({ type: 'llm.failed', at, requestId: request.requestId, error: { code, message: 'no readable scores' } });
    return this;
  }
}
