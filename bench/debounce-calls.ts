/**
 * `npm run bench:debounce-calls`: does debounce mean fewer, better LLM calls? Replays scripted fragmented
 * conversations (bench/fixtures/fragmented-conversations.json) through the pure session machine with simulated
 * time, once with debounce on (threshold 0.8, timeout 3 s) and once with it off, answering every LLM request
 * after a simulated 1.5 s unless a new message cancels it first. Counts the requests sent (cancelled ones
 * included: they were sent) and estimates their input tokens. The last line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { mergedText } from '../machines/session-logic.js';
import { sessionMachine } from '../machines/session-machine.js';
import { defaultSessionSettings } from '../machines/session-settings.js';
import type { SessionEvent, SessionSettings, TimerName } from '../machines/session-types.js';
import type { CompletenessScorer } from '../src/completeness/completeness-scorer.js';
import { heuristicScorer } from '../src/completeness/heuristic-scorer.js';
import { loadCompletenessScorer } from '../src/debounce/load-completeness-scorer.js';
import { llmRequestOf } from '../src/runtime/effects.js';

interface ScriptedMessage {
  /** Milliseconds after the conversation starts. */
  at: number;
  text: string;
}

interface Conversation {
  id: string;
  lang: 'zh' | 'en' | 'mix';
  /** Each thought is one utterance sent as one or more fragments. */
  thoughts: ScriptedMessage[][];
}

interface ModeResult {
  calls: number;
  cancelled: number;
  tokens: number;
  /** Answered requests that carried only part of a thought (the user was still typing). */
  partialReplies: number;
  /** Per thought: from its last fragment to the first reply that carried all of it. */
  delaysMs: number[];
}

/** The request in flight: when its simulated answer arrives, and which fragments (by time) it carried. */
interface PendingReply {
  requestId: string;
  dueAt: number;
  carried: number[];
}

const latencyMs = 1500;
const systemPromptTokens = 600;
const epoch = Date.UTC(2026, 4, 1, 4, 0, 0);
const replyCalls = [{ tool: 'reply' as const, content: 'ok', maxWaitSeconds: 0 }];

const conversations = JSON.parse(
  readFileSync(new URL('./fixtures/fragmented-conversations.json', import.meta.url), 'utf8'),
) as Conversation[];

const cjkCharacter = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/** Tokens of a text: CJK characters / 2 plus Latin words × 1.3 (so pure Chinese is chars / 2, pure English words × 1.3). */
function estimateTokens(text: string): number {
  const cjk = (text.match(cjkCharacter) ?? []).length;
  const words = text.replace(cjkCharacter, ' ').split(/\s+/).filter(Boolean).length;
  return Math.ceil(cjk / 2 + words * 1.3);
}

function settingsFor(debounce: boolean, settleSeconds = 0): SessionSettings {
  return {
    ...defaultSessionSettings,
    debounce: { ...defaultSessionSettings.debounce, enabled: debounce, threshold: 0.8, timeoutSeconds: 3, settleSeconds },
    proactive: { ...defaultSessionSettings.proactive, enabled: false },
    thinking: { ...defaultSessionSettings.thinking, enabled: false },
  };
}

interface Mode {
  label: string;
  settings: SessionSettings;
  scorer: CompletenessScorer;
}

async function replay(conversation: Conversation, mode: Mode): Promise<ModeResult> {
  const sessionId = `bench:private:${conversation.id}`;
  const actor = createActor(sessionMachine, { input: { sessionId } }).start();
  const send = (event: SessionEvent) => actor.send(event);
  const context = () => actor.getSnapshot().context;
  const debounce = mode.settings.debounce.enabled;
  send({ type: 'settings.changed', at: epoch, settings: mode.settings });

  const messages = conversation.thoughts.flatMap((thought, index) => thought.map((message) => ({ ...message, at: epoch + message.at, thought: index })));
  const messageAt = new Map(messages.map((message) => [message.at, message]));
  const result: ModeResult = { calls: 0, cancelled: 0, tokens: 0, partialReplies: 0, delaysMs: [] };
  const answeredThoughts = new Set<number>();
  // Set by the closures below, so TypeScript must not narrow it to its initial null.
  let pending = null as PendingReply | null;
  let next = 0;

  const observeTurn = () => {
    const turn = context().turn;
    if (pending !== null && turn?.requestId !== pending.requestId) {
      result.cancelled += 1;
      pending = null;
    }
    if (turn === null || pending !== null) return;
    const request = llmRequestOf(sessionId, context());
    result.calls += 1;
    result.tokens += systemPromptTokens + estimateTokens(request.text);
    const carried = context().fragments.slice(0, turn.fragmentCount).map((fragment) => fragment.at);
    pending = { requestId: turn.requestId, dueAt: turn.startedAt + latencyMs, carried };
  };

  const answer = (reply: PendingReply) => {
    send({ type: 'llm.replied', at: reply.dueAt, requestId: reply.requestId, calls: replyCalls });
    pending = null;
    const thoughts = new Set(reply.carried.map((at) => messageAt.get(at)?.thought ?? -1));
    for (const thought of thoughts) {
      const fragments = messages.filter((message) => message.thought === thought);
      const whole = fragments.every((fragment) => reply.carried.includes(fragment.at));
      if (!whole) result.partialReplies += 1;
      if (whole && !answeredThoughts.has(thought)) {
        answeredThoughts.add(thought);
        result.delaysMs.push(reply.dueAt - (fragments.at(-1)?.at ?? reply.dueAt));
      }
    }
  };

  for (let step = 0; step < 10_000; step += 1) {
    const message = messages[next];
    const timer = earliestTimer(context().timers);
    const times = [message?.at ?? Infinity, timer?.dueAt ?? Infinity, pending?.dueAt ?? Infinity];
    const now = Math.min(...times);
    if (now === Infinity) break;
    if (message !== undefined && message.at === now) {
      const merged = mergedText([...context().fragments, { text: message.text }]);
      // As the driver does (src/runtime/apply-batch.ts): the merged buffer is scored, and not at all when debounce is off.
      const completeness = debounce ? await mode.scorer.score(merged) : 1;
      send({ type: 'message.received', at: now, sender: { id: 'user' }, text: message.text, images: [], mentionsBot: false, completeness });
      next += 1;
    } else if (timer !== null && timer.dueAt === now) {
      send({ type: 'timer.fired', at: now, name: timer.name, gen: timer.gen, dueAt: timer.dueAt });
    } else if (pending !== null) {
      answer(pending);
    }
    observeTurn();
  }
  actor.stop();
  return result;
}

function earliestTimer(timers: Partial<Record<TimerName, { gen: number; dueAt: number }>>) {
  let earliest: { name: TimerName; gen: number; dueAt: number } | null = null;
  for (const [name, entry] of Object.entries(timers) as Array<[TimerName, { gen: number; dueAt: number } | undefined]>) {
    if (entry !== undefined && (earliest === null || entry.dueAt < earliest.dueAt)) earliest = { name, ...entry };
  }
  return earliest;
}

async function chooseScorer(): Promise<{ scorer: CompletenessScorer; note: string }> {
  if (process.argv.includes('--heuristic')) return { scorer: heuristicScorer, note: 'heuristic (asked for with --heuristic)' };
  const onnx = await loadCompletenessScorer({ logger: (message) => console.error(message) });
  if (onnx.name !== 'fail-open') return { scorer: onnx, note: `${onnx.name} (the shipped completeness model)` };
  return { scorer: heuristicScorer, note: 'heuristic (the ONNX model did not load)' };
}

function total(results: readonly ModeResult[]): ModeResult {
  return results.reduce(
    (sum, item) => ({
      calls: sum.calls + item.calls,
      cancelled: sum.cancelled + item.cancelled,
      tokens: sum.tokens + item.tokens,
      partialReplies: sum.partialReplies + item.partialReplies,
      delaysMs: [...sum.delaysMs, ...item.delaysMs],
    }),
    { calls: 0, cancelled: 0, tokens: 0, partialReplies: 0, delaysMs: [] },
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const { scorer, note } = await chooseScorer();
const fragments = conversations.flatMap((conversation) => conversation.thoughts.flat()).length;
const thoughts = conversations.flatMap((conversation) => conversation.thoughts).length;
console.log(`corpus: ${conversations.length} conversations, ${thoughts} thoughts, ${fragments} messages; completeness scorer: ${note}`);
console.log(`model latency ${latencyMs / 1000} s; ${systemPromptTokens} tokens of system prompt per call; debounce threshold 0.8, timeout 3 s`);

// The first two modes are the comparison asked for; the others show what the score alone cannot do.
const modes: Mode[] = [
  { label: 'debounce on', settings: settingsFor(true), scorer },
  { label: 'debounce off', settings: settingsFor(false), scorer },
  { label: 'on + settle 1.5 s', settings: settingsFor(true, 1.5), scorer },
  ...(scorer === heuristicScorer ? [] : [{ label: 'on, heuristic', settings: settingsFor(true), scorer: heuristicScorer }]),
];
const results: ModeResult[][] = [];
for (const mode of modes) {
  const perConversation: ModeResult[] = [];
  for (const conversation of conversations) perConversation.push(await replay(conversation, mode));
  results.push(perConversation);
}

const columns = ['calls', 'cancelled', 'tokens', 'replies to half a thought', 'median wait*', 'calls zh/en/mix'];
console.log(`  ${'mode'.padEnd(18)}${columns.map((column) => column.padStart(column.length + 3)).join('')}`);
modes.forEach((mode, index) => {
  const perConversation = results[index] ?? [];
  const sum = total(perConversation);
  const byLang = (['zh', 'en', 'mix'] as const).map((lang) => total(perConversation.filter((_, at) => conversations[at]?.lang === lang)).calls);
  const cells = [sum.calls, sum.cancelled, sum.tokens, sum.partialReplies, `${(median(sum.delaysMs) / 1000).toFixed(2)} s`, byLang.join('/')];
  console.log(`  ${mode.label.padEnd(18)}${cells.map((value, at) => String(value).padStart((columns[at]?.length ?? 0) + 3)).join('')}`);
});
console.log('  * from the last fragment of a thought to the first reply that carried all of it');
const on = total(results[0] ?? []);
const off = total(results[1] ?? []);
const summary = {
  callsWithDebounce: on.calls,
  callsWithout: off.calls,
  tokensWithDebounce: on.tokens,
  tokensWithout: off.tokens,
  callRatio: Math.round((on.calls / off.calls) * 1000) / 1000,
};
console.log(JSON.stringify(summary));
