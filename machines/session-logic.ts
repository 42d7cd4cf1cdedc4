/**
 * Pure helpers the session machine's actions and guards are built from. No I/O, no clock, no randomness
 * other than the seeded generator in context.
 */
import { chooseImages } from './group-images.js';
import { parseCommand } from './session-commands.js';
import type {
  Fragment,
  MessageReceivedEvent,
  SessionContext,
  SessionSettings,
  SideRequest,
  TimerName,
  ToolCall,
  Turn,
  TurnPurpose,
} from './session-types.js';

/** True when a message carries something to respond to: non-blank text or an image; pure. */
export function hasMessageContent(event: Pick<MessageReceivedEvent, 'text' | 'images'>): boolean {
  return event.text.trim().length > 0 || event.images.length > 0;
}

/**
 * True when a message is someone talking (content, not a command, not the bot's own account): in a private
 * chat, a fragment of what the user is saying; pure.
 */
export function isSpokenMessage(event: MessageReceivedEvent): boolean {
  return hasMessageContent(event) && parseCommand(event.text) === null && event.fromSelf !== true;
}

/** True when debounce holds this session's messages (on, and its scope covers the chat type); pure. */
export function isDebounced(context: Pick<SessionContext, 'settings' | 'chatType'>): boolean {
  const { enabled, scope } = context.settings.debounce;
  return enabled && (scope === 'both' || scope === context.chatType);
}

/** Builds the buffered fragment for a received message; pure. */
export function fragmentOf(event: MessageReceivedEvent): Fragment {
  const fragment: Fragment = { text: event.text, images: event.images, at: event.at, senderId: event.sender.id };
  if (event.sender.name !== undefined) fragment.senderName = event.sender.name;
  if (event.messageId !== undefined) fragment.messageId = event.messageId;
  return fragment;
}

/** Marker put where the oldest buffered text was cut to respect `maxBufferChars`. */
export const cutMarker = '[…]';

/**
 * Appends a fragment to the buffer while keeping it bounded: past `maxFragments` the two oldest fragments
 * are folded into one (text joined, images kept), and past `maxBufferChars` the oldest text is cut with
 * `cutMarker`; pure.
 */
export function appendFragment(
  fragments: readonly Fragment[],
  fragment: Fragment,
  limits: { maxFragments: number; maxBufferChars: number },
  protectedCount = 0,
): Fragment[] {
  // The first `protectedCount` fragments belong to a request in flight: they are never folded or cut.
  const kept = fragments.slice(0, protectedCount);
  const next = [...fragments.slice(protectedCount), fragment];
  while (next.length > 1 && kept.length + next.length > Math.max(1, limits.maxFragments)) {
    const [first, second] = next.splice(0, 2) as [Fragment, Fragment];
    next.unshift({ ...second, text: joinFragmentTexts(first.text, second.text), images: [...first.images, ...second.images] });
  }
  return [...kept, ...cutOldestText(next, limits.maxBufferChars - kept.reduce((sum, item) => sum + item.text.length, 0))];
}

function cutOldestText(fragments: Fragment[], budget: number): Fragment[] {
  const next = [...fragments];
  const limits = { maxBufferChars: Math.max(0, budget) };
  let total = next.reduce((sum, item) => sum + item.text.length, 0);
  for (let index = 0; total > limits.maxBufferChars && index < next.length; index++) {
    const item = next[index] as Fragment;
    const excess = total - limits.maxBufferChars;
    const kept = item.text.length > excess + cutMarker.length ? item.text.slice(excess + cutMarker.length) : '';
    const text = index === 0 && kept.length > 0 ? cutMarker + kept : kept;
    total -= item.text.length - text.length;
    next[index] = { ...item, text };
  }
  return next;
}

const cjkPattern = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Joins two pieces of user text: no space between CJK characters, one space otherwise; pure. */
export function joinFragmentTexts(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const touchingCjk = cjkPattern.test(a.at(-1) ?? '') || cjkPattern.test(b[0] ?? '');
  return touchingCjk ? a + b : `${a} ${b}`;
}

/** The buffered fragments as one text, the way the model and the completeness scorer read it; pure. */
export function mergedText(fragments: readonly Pick<Fragment, 'text'>[]): string {
  return fragments.reduce((merged, fragment) => joinFragmentTexts(merged, fragment.text), '');
}

/** Returns the timers map with `name` armed at `at + delayMs` under a fresh generation; pure. */
export function withTimerArmed(
  context: SessionContext,
  name: TimerName,
  at: number,
  delayMs: number,
): Pick<SessionContext, 'timers' | 'timerGen'> {
  const dueAt = at + Math.max(0, Math.round(delayMs));
  const current = context.timers[name];
  if (current !== undefined && current.firesAt <= dueAt) {
    // The armed job fires first anyway: move the deadline, keep the job.
    return { timers: { ...context.timers, [name]: { ...current, dueAt } }, timerGen: context.timerGen };
  }
  const gen = context.timerGen + 1;
  return { timers: { ...context.timers, [name]: { gen, dueAt, firesAt: dueAt } }, timerGen: gen };
}

/** Re-arms a timer whose job fired before its (since extended) deadline, for the remainder; pure. */
export function withTimerRenewed(context: SessionContext, name: TimerName): Pick<SessionContext, 'timers' | 'timerGen'> {
  const current = context.timers[name];
  if (current === undefined) return { timers: context.timers, timerGen: context.timerGen };
  const gen = context.timerGen + 1;
  return { timers: { ...context.timers, [name]: { gen, dueAt: current.dueAt, firesAt: current.dueAt } }, timerGen: gen };
}

/**
 * Returns the timers map without `name`; pure. A copy without the key rather than `delete` on a copy: on Node 20,
 * `delete` turned the map into a slow dictionary object, and every later copy of it cost ~1 µs more.
 */
export function withTimerDisarmed(context: SessionContext, name: TimerName): Pick<SessionContext, 'timers'> {
  if (context.timers[name] === undefined) return { timers: context.timers };
  const { [name]: _disarmed, ...timers } = context.timers;
  return { timers };
}

/**
 * Opens a new LLM turn with a request id unique within the session; a reply turn carries the whole buffer. In a
 * group the image policy chooses the images the request shows, and a buffer that came in through the judge
 * makes the turn a voluntary one; pure.
 */
export function withTurnStarted(
  context: SessionContext,
  purpose: TurnPurpose,
  at: number,
): Pick<SessionContext, 'turn' | 'requestSeq' | 'group'> {
  const requestSeq = context.requestSeq + 1;
  const fragmentCount = purpose === 'reply' ? context.fragments.length : 0;
  const turn: Turn = { requestId: `r${requestSeq}`, purpose, startedAt: at, fragmentCount };
  if (context.group === undefined || purpose === 'followup') return { turn, requestSeq, ...(context.group === undefined ? {} : { group: context.group }) };
  const chosen = chooseImages(context.group, context.settings.groups);
  if (chosen.images.length > 0) turn.images = chosen.images;
  if (purpose === 'reply' && context.fragments[0]?.judged === true) turn.joined = true;
  return { turn, requestSeq, group: chosen.group };
}

/** Opens a side request (an inner thought or a reminder's wording); pure. */
export function withSideRequest(
  context: SessionContext,
  request: DistributiveOmit<SideRequest, 'requestId'>,
): Pick<SessionContext, 'side' | 'requestSeq'> {
  const requestSeq = context.requestSeq + 1;
  return { side: [...context.side, { ...request, requestId: `s${requestSeq}` } as SideRequest], requestSeq };
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/**
 * The wait the model asked for, clamped to the configured range; 0 ends the turn. Metadata comes from the
 * last call that carries it, as the tool descriptions promise; pure.
 */
export function requestedWaitSeconds(calls: readonly ToolCall[], settings: SessionSettings): number {
  const withWait = turnCalls(calls).filter((call) => call.maxWaitSeconds !== undefined);
  const raw = withWait.at(-1)?.maxWaitSeconds ?? 0;
  if (!Number.isFinite(raw) || raw <= 0) return 0;
  return Math.min(settings.wait.maxSeconds, Math.max(settings.wait.minSeconds, raw));
}

/** The expected reaction of the last call that states one; pure. */
export function expectedReactionOf(calls: readonly ToolCall[]): string | undefined {
  return turnCalls(calls).filter((call) => call.expectedReaction).at(-1)?.expectedReaction;
}

/** The `reply` and `do_nothing` calls, which carry the turn's metadata; pure. */
export function turnCalls(calls: readonly ToolCall[]): Array<Extract<ToolCall, { tool: 'reply' | 'do_nothing' }>> {
  return calls.filter((call): call is Extract<ToolCall, { tool: 'reply' | 'do_nothing' }> => call.tool === 'reply' || call.tool === 'do_nothing');
}

/** The non-empty reply texts of a model answer, in call order; pure. */
export function replyTextsOf(calls: readonly ToolCall[]): string[] {
  const texts: string[] = [];
  for (const call of calls) {
    if (call.tool === 'reply' && call.content.trim().length > 0) texts.push(call.content);
  }
  return texts;
}

/** Shortens a text for a log line or a prompt detail; pure. */
export function excerpt(text: string, length = 200): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** The armed timers as a list, in no particular order; pure. */
export function armedTimers(context: Pick<SessionContext, 'timers'>): Array<{ name: TimerName; gen: number; dueAt: number; firesAt: number }> {
  return Object.entries(context.timers).flatMap(([name, entry]) => (entry === undefined ? [] : [{ name: name as TimerName, ...entry }]));
}
