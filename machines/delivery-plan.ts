/**
 * How a turn's reply texts become outbound messages: optional splitting of a short reply into segments by
 * punctuation (seed 000), and the pause before each later segment — as long as typing it would take
 * (seed 002), uniform random, or logarithmic in its length (seed 000). Pure; random draws use the seeded
 * generator.
 */
import { nextRandom } from './random.js';
import type { SessionSettings } from './session-types.js';

type ReplySettings = SessionSettings['reply'];

export interface PlannedMessage {
  text: string;
  deliverAt: number;
}

/** Splits one reply into segments when splitting is on and the reply is short enough; pure. */
export function splitReply(text: string, split: ReplySettings['split']): string[] {
  if (!split.enabled || text.length > split.maxLength) return [text];
  let pattern: RegExp;
  try {
    pattern = new RegExp(split.pattern, 'gsu');
  } catch {
    return [text];
  }
  const segments = [...text.matchAll(pattern)].map((match) => match[0].trim()).filter((segment) => segment.length > 0);
  return segments.length > 0 ? segments : [text];
}

const cjk = /[\u3400-\u9fff]/u;

/** The pause in milliseconds before a later segment is delivered; pure apart from the draw it returns. */
export function segmentDelay(text: string, reply: ReplySettings, rng: number): { delayMs: number; rng: number } {
  if (reply.delayMode === 'random') {
    const [low, high] = reply.randomDelaySeconds;
    const draw = nextRandom(rng);
    return { delayMs: Math.round((low + draw.value * (high - low)) * 1000), rng: draw.state };
  }
  if (reply.delayMode === 'log') {
    const units = cjk.test(text) ? [...text.replace(/\s/g, '')].length : text.split(/\s+/).filter(Boolean).length;
    const base = Math.log(units + 1) / Math.log(reply.logBase);
    const draw = nextRandom(rng);
    return { delayMs: Math.round((base + draw.value * 0.5) * 1000), rng: draw.state };
  }
  const seconds = text.length / Math.max(0.1, reply.typingCharsPerSecond);
  const clamped = Math.min(reply.typingDelayMaxSeconds, Math.max(reply.typingDelayMinSeconds, seconds));
  return { delayMs: Math.round(clamped * 1000), rng };
}

/** Plans the delivery of a turn's texts starting at `at`: the first segment at once, each later one after its pause; pure. */
export function planDelivery(texts: readonly string[], at: number, reply: ReplySettings, rng: number): { messages: PlannedMessage[]; rng: number } {
  const messages: PlannedMessage[] = [];
  let state = rng;
  let deliverAt = at;
  for (const segment of texts.flatMap((text) => splitReply(text, reply.split))) {
    if (messages.length > 0) {
      const delay = segmentDelay(segment, reply, state);
      state = delay.rng;
      deliverAt += delay.delayMs;
    }
    messages.push({ text: segment, deliverAt });
  }
  return { messages, rng: state };
}
