/**
 * `node --import tsx bench/groups-judge.ts`: how many Heartflow judge calls a group costs per 1,000 messages,
 * with the settle window (`heartflow.settleSeconds` 6 s) and without it (0 s). Generates busy group chats with
 * a seeded generator — bursts of 2–8 messages from one to three members (a member's follow-ups 1–4 s apart,
 * another member answering 2–8 s later), bursts 30 s to 20 min apart — and plays them through the pure session
 * machine with simulated time, answering each judgement after a simulated 1.5 s (10% of verdicts join; the
 * joining reply comes 2 s later and is delivered at once). Counts the judge requests the machine opens.
 * `measureJudgeCalls()` returns the figures; run alone, the last line printed is one JSON object.
 */
import { createActor } from 'xstate';
import type { JudgeScores } from '../machines/group-types.js';
import { nextInteger, nextRandom } from '../machines/random.js';
import { sessionMachine } from '../machines/session-machine.js';
import { defaultSessionSettings } from '../machines/session-settings.js';
import type { SessionEvent, SessionSettings, TimerName } from '../machines/session-types.js';

export interface JudgeCallFigures {
  judgeCallsPer1000: number;
  judgeCallsPer1000NoSettle: number;
}

interface GroupMessage {
  at: number;
  sender: string;
  text: string;
}

const epoch = Date.UTC(2026, 4, 1, 8, 0, 0);
const judgeLatencyMs = 1500;
const replyLatencyMs = 2000;
const joinShare = 0.1;

/** A deterministic busy group chat of `count` messages; pure. */
export function groupConversation(seed: number, count: number): GroupMessage[] {
  const messages: GroupMessage[] = [];
  let rng = seed;
  let at = epoch;
  const draw = (min: number, max: number) => {
    const next = nextInteger(rng, min, max);
    rng = next.state;
    return next.value;
  };
  while (messages.length < count) {
    const speakers = draw(1, 3);
    const size = draw(2, 8);
    let speaker = draw(0, 19);
    for (let index = 0; index < size && messages.length < count; index++) {
      const sameSpeaker = index === 0 || draw(0, 9) < 6;
      if (!sameSpeaker && speakers > 1) speaker = (speaker + draw(1, speakers - 1)) % 20;
      at += index === 0 ? 0 : sameSpeaker ? draw(1000, 4000) : draw(2000, 8000);
      messages.push({ at, sender: `member${speaker}`, text: `message ${messages.length} from member${speaker}` });
    }
    at += draw(30_000, 20 * 60_000);
  }
  return messages;
}

function settingsFor(settleSeconds: number): SessionSettings {
  return {
    ...defaultSessionSettings,
    debounce: { ...defaultSessionSettings.debounce, enabled: false },
    proactive: { ...defaultSessionSettings.proactive, enabled: false },
    thinking: { ...defaultSessionSettings.thinking, enabled: false },
    heartflow: { ...defaultSessionSettings.heartflow, enabled: true, settleSeconds, maxSettleSeconds: 20 },
  };
}

const scores = (value: number): JudgeScores => ({ relevance: value, willingness: value, social: value, timing: value, continuity: value });

/** Plays one group through the machine; returns the number of judge requests opened. */
function judgeCalls(messages: readonly GroupMessage[], settleSeconds: number, seed: number): number {
  const actor = createActor(sessionMachine, { input: { sessionId: `bench:group:${seed}` } }).start();
  const context = () => actor.getSnapshot().context;
  const send = (event: SessionEvent) => actor.send(event);
  send({ type: 'settings.changed', at: epoch, settings: settingsFor(settleSeconds) });
  let rng = seed;
  let calls = 0;
  const seen = new Set<string>();
  const judgeDue = new Map<string, number>();
  // Set by the closure below, so TypeScript must not narrow it to its initial null.
  let turnDue = null as { requestId: string; at: number } | null;
  let next = 0;

  const observe = (now: number) => {
    for (const request of context().side) {
      if (request.purpose !== 'judge' || seen.has(request.requestId)) continue;
      seen.add(request.requestId);
      calls += 1;
      judgeDue.set(request.requestId, now + judgeLatencyMs);
    }
    const turn = context().turn;
    if (turn !== null && turnDue?.requestId !== turn.requestId) turnDue = { requestId: turn.requestId, at: now + replyLatencyMs };
  };

  for (let step = 0; step < 100_000; step++) {
    const message = messages[next];
    const timer = earliestTimer(context().timers);
    const judge = [...judgeDue.entries()].sort((a, b) => a[1] - b[1])[0];
    const now = Math.min(message?.at ?? Infinity, timer?.firesAt ?? Infinity, judge?.[1] ?? Infinity, turnDue?.at ?? Infinity);
    if (now === Infinity) break;
    if (message !== undefined && message.at === now) {
      send({ type: 'message.received', at: now, sender: { id: message.sender }, text: message.text, images: [], mentionsBot: false, completeness: 1 });
      next += 1;
    } else if (timer !== null && timer.firesAt === now) {
      send({ type: 'timer.fired', at: now, name: timer.name, gen: timer.gen, dueAt: timer.firesAt });
    } else if (judge !== undefined && judge[1] === now) {
      judgeDue.delete(judge[0]);
      const draw = nextRandom(rng);
      rng = draw.state;
      send({ type: 'judge.scored', at: now, requestId: judge[0], scores: scores(draw.value < joinShare ? 9 : 3) });
    } else if (turnDue !== null) {
      const { requestId, at } = turnDue;
      turnDue = null;
      send({ type: 'llm.replied', at, requestId, calls: [{ tool: 'reply', content: 'joining in' }] });
      const sent = actor.getSnapshot().context.outboundSeq;
      send({ type: 'outbound.delivered', at, seq: sent, kind: 'reply', text: 'joining in' });
    }
    observe(now);
  }
  actor.stop();
  return calls;
}

function earliestTimer(timers: Partial<Record<TimerName, { gen: number; firesAt: number }>>) {
  let earliest: { name: TimerName; gen: number; firesAt: number } | null = null;
  for (const [name, entry] of Object.entries(timers) as Array<[TimerName, { gen: number; firesAt: number } | undefined]>) {
    if (entry !== undefined && (earliest === null || entry.firesAt < earliest.firesAt)) earliest = { name, ...entry };
  }
  return earliest;
}

/** Judge calls per 1,000 group messages with and without the settle window, over `groups` generated groups. */
export function measureJudgeCalls(groups = 10, messagesPerGroup = 1000): JudgeCallFigures {
  let withSettle = 0;
  let withoutSettle = 0;
  for (let index = 0; index < groups; index++) {
    const seed = 0x9e3779b9 ^ (index * 7919);
    const messages = groupConversation(seed, messagesPerGroup);
    withSettle += judgeCalls(messages, 6, seed);
    withoutSettle += judgeCalls(messages, 0, seed);
  }
  const per1000 = (calls: number) => Math.round((calls / (groups * messagesPerGroup)) * 1000 * 10) / 10;
  return { judgeCallsPer1000: per1000(withSettle), judgeCallsPer1000NoSettle: per1000(withoutSettle) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const figures = measureJudgeCalls();
  console.log(`10 generated groups × 1,000 messages; judge latency ${judgeLatencyMs / 1000} s; ${joinShare * 100}% of verdicts join`);
  console.log(`settle 6 s (max 20 s): ${figures.judgeCallsPer1000} judge calls per 1,000 messages`);
  console.log(`no settle window:      ${figures.judgeCallsPer1000NoSettle} judge calls per 1,000 messages (one judgement at a time still coalesces)`);
  console.log(`(${Math.round(performance.now() - started)} ms through the pure machine)`);
  console.log(JSON.stringify(figures));
}
