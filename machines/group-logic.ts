/**
 * What group messages, judgements and the bot's own messages do to a group session's context: group memory
 * records, activity bookkeeping, the judge's settle window and its one request at a time, the silence
 * countdown of group proactive messages (seed 000 v1.x). Pure; the machine's actions call these.
 */
import { afterBotMessage, afterJudgement, afterMemberMessage, initialActivity } from './group-activity.js';
import { groupImageOf, withRecord } from './group-images.js';
import type { GroupState, JudgeCandidate, JudgedMessage } from './group-types.js';
import { isCoolingDown, judgeVerdict, settleDeadline } from './heartflow.js';
import { nextProactiveDue } from './proactive-policy.js';
import { withSideRequest, withTimerArmed, withTimerDisarmed } from './session-logic.js';
import type { JudgeScoredEvent, MessageReceivedEvent, SessionContext, SessionEmitted } from './session-types.js';

export interface GroupOutcome {
  context: SessionContext;
  emitted: SessionEmitted[];
}

/** The group state of a session that has seen nothing yet; pure. */
export function initialGroupState(): GroupState {
  return {
    activity: initialActivity(),
    candidate: null,
    lastJudgement: null,
    records: 0,
    recentImages: [],
    knownImages: [],
    pendingImages: [],
    memorySince: null,
  };
}

/**
 * A message posted in the group enters group memory (text, mention, images by identity). A member's message
 * counts as activity, resets the unanswered counter and restarts the silence countdown; one from the bot's own
 * account restarts the countdown only; pure.
 */
export function receiveGroupMessage(context: SessionContext, event: MessageReceivedEvent): GroupOutcome {
  const group = context.group;
  if (group === undefined) return { context, emitted: [] };
  const images = event.images.map((image) => ({ ...image, hash: groupImageOf(image).hash }));
  const fromSelf = event.fromSelf === true;
  const record: SessionEmitted = {
    type: 'history.recorded',
    role: fromSelf ? 'bot' : 'user',
    text: event.text,
    at: event.at,
    ...(images.length > 0 ? { images } : {}),
    ...(fromSelf ? {} : { sender: event.sender }),
    ...(event.messageId === undefined ? {} : { messageId: event.messageId }),
    ...(event.mentionsBot ? { mentionsBot: true } : {}),
  };
  const settings = context.settings;
  const recorded = withRecord(group, images, settings.groups.imageWindow);
  const activity = fromSelf
    ? afterBotMessage(recorded.activity)
    : afterMemberMessage(recorded.activity, event.at, settings.heartflow.energy, settings.proactive.timezone);
  const next: SessionContext = { ...context, group: { ...recorded, activity } };
  const member = fromSelf ? {} : { lastUserAt: event.at, lastSpeaker: 'user' as const, unanswered: 0 };
  return { context: { ...next, ...member, ...withSilenceRestarted(next, event.at) }, emitted: [record] };
}

/** After the bot's own message was delivered: a new record, nobody has reacted yet, the countdown restarts; pure. */
export function noteBotMessage(context: SessionContext, at: number): Pick<SessionContext, 'group' | 'timers' | 'timerGen'> {
  const group = context.group;
  if (group === undefined) return { timers: context.timers, timerGen: context.timerGen };
  const recorded = withRecord(group, [], context.settings.groups.imageWindow);
  const next = { ...context, group: { ...recorded, activity: afterBotMessage(recorded.activity) } };
  return { group: next.group, ...withSilenceRestarted(next, at) };
}

/** Disarms a pending group proactive message and (when they are on) restarts the silence countdown; pure. */
export function withSilenceRestarted(context: SessionContext, at: number): Pick<SessionContext, 'timers' | 'timerGen'> {
  const disarmed = { ...context, ...withTimerDisarmed(context, 'proactive') };
  if (!context.settings.proactive.enabled) return { ...withTimerDisarmed(disarmed, 'silence'), timerGen: context.timerGen };
  return withTimerArmed(disarmed, 'silence', at, context.settings.proactive.silenceSeconds * 1000);
}

/**
 * The silence countdown ran out: a proactive message is planned after a random delay in the group's range.
 * While the bot is answering (a turn in flight or text held) there is no silence to break yet: the countdown
 * starts over (a message planned now would come due outside idle and be dropped); pure.
 */
export function planGroupProactive(context: SessionContext, at: number, paused: boolean): Partial<SessionContext> {
  const base = { ...context, ...withTimerDisarmed(context, 'silence') };
  if (paused) return { timers: base.timers };
  if (context.turn !== null || context.fragments.length > 0) return withSilenceRestarted(base, at);
  const next = nextProactiveDue(base, at);
  return { rng: next.rng, ...withTimerArmed(base, 'proactive', at, next.dueAt - at) };
}

/**
 * An eligible message becomes the judge's candidate (the latest message is the one judged). Its sender's
 * follow-ups push the settle window back, up to `maxSettleSeconds` after the burst began; another member's
 * message replaces the candidate without moving the window; pure.
 */
export function withCandidate(context: SessionContext, event: MessageReceivedEvent): SessionContext {
  const group = context.group;
  if (group === undefined) return context;
  const heartflow = context.settings.heartflow;
  const previous = group.candidate;
  const candidate: JudgeCandidate = {
    ...judgedMessageOf(event),
    since: previous?.since ?? event.at,
    ready: previous?.ready ?? false,
  };
  const next = { ...context, group: { ...group, candidate } };
  if (previous !== null && (previous.senderId !== event.sender.id || previous.ready)) return next;
  if (heartflow.settleSeconds <= 0) return startJudgement({ ...next, group: { ...next.group, candidate: { ...candidate, ready: true } } }, event.at);
  const dueAt = settleDeadline(heartflow, candidate.since, event.at);
  return { ...next, ...withTimerArmed(next, 'judge', event.at, dueAt - event.at) };
}

function judgedMessageOf(event: MessageReceivedEvent): JudgedMessage {
  const message: JudgedMessage = { senderId: event.sender.id, text: event.text, at: event.at };
  if (event.sender.name !== undefined) message.senderName = event.sender.name;
  if (event.messageId !== undefined) message.messageId = event.messageId;
  return message;
}

/** The settle window ended: the candidate is ready, and judged now if the bot is free; pure. */
export function settleCandidate(context: SessionContext, at: number): SessionContext {
  const group = context.group;
  const base = { ...context, ...withTimerDisarmed(context, 'judge') };
  if (group === undefined || group.candidate === null) return base;
  return startJudgement({ ...base, group: { ...group, candidate: { ...group.candidate, ready: true } } }, at);
}

/**
 * Starts the judgement of a ready candidate when the bot is free: no judgement and no reply in flight or
 * buffered. A candidate whose sender's message came inside the cooldown is dropped; pure.
 */
export function startJudgement(context: SessionContext, at: number): SessionContext {
  const group = context.group;
  const candidate = group?.candidate ?? null;
  if (group === undefined || candidate === null || !candidate.ready) return context;
  if (!context.settings.heartflow.enabled || !context.settings.heartflow.listed || isCoolingDown(context, at)) {
    return { ...context, group: { ...group, candidate: null } };
  }
  const busy = context.turn !== null || context.fragments.length > 0 || context.side.some((request) => request.purpose === 'judge');
  if (busy) return context;
  const { since: _since, ready: _ready, ...message } = candidate;
  const started = withSideRequest(context, { purpose: 'judge', startedAt: at, message });
  return { ...context, ...started, group: { ...group, candidate: null }, ...withTimerDisarmed(context, 'judge') };
}

/** The judge request `requestId` in flight, if any; pure. */
export function judgeRequestOf(context: SessionContext, requestId: string): Extract<SessionContext['side'][number], { purpose: 'judge' }> | null {
  const request = context.side.find((item) => item.requestId === requestId);
  return request?.purpose === 'judge' ? request : null;
}

/**
 * Records the judge's verdict: the activity counters and energy, the last judgement, a mental-log line. When
 * the verdict is to join and `canJoin`, the judged message (with its sender's follow-ups) becomes the buffer
 * of a voluntary reply; otherwise the next ready candidate is judged; pure.
 */
export function recordVerdict(context: SessionContext, event: JudgeScoredEvent, canJoin: boolean): GroupOutcome {
  const group = context.group;
  const request = judgeRequestOf(context, event.requestId);
  if (group === undefined || request === null) return { context, emitted: [] };
  const verdict = judgeVerdict(context, event.scores, event.at);
  const joins = verdict.join && canJoin;
  const { heartflow, proactive } = context.settings;
  const activity = afterJudgement(group.activity, event.at, !verdict.join, heartflow.energy, proactive.timezone);
  const side = context.side.filter((item) => item !== request);
  const lastJudgement = { at: event.at, overall: verdict.overall, required: verdict.required, joined: joins };
  const who = request.message.senderName ?? request.message.senderId;
  const outcome = verdict.join ? (joins ? 'joining in' : 'would join, but already speaking') : 'staying quiet';
  const mental: SessionEmitted = {
    type: 'mental.recorded',
    kind: 'judged',
    text: `${who}'s message scored ${verdict.overall.toFixed(2)} (needs ${verdict.required.toFixed(2)}): ${outcome}`,
    at: event.at,
  };
  const next: SessionContext = { ...context, side, group: { ...group, activity, lastJudgement } };
  if (!joins) return { context: startJudgement(next, event.at), emitted: [mental] };
  return { context: withJoinFragments(next, request.message, event.at), emitted: [mental] };
}

/** The buffer of a voluntary reply: the judged message, then its sender's newer candidate (answered together); pure. */
function withJoinFragments(context: SessionContext, message: JudgedMessage, at: number): SessionContext {
  const group = context.group!;
  const follow = group.candidate !== null && group.candidate.senderId === message.senderId ? [group.candidate] : [];
  const fragments = [message, ...follow].map((item) => ({
    text: item.text,
    images: [],
    at: item.at,
    senderId: item.senderId,
    judged: true,
    ...(item.senderName === undefined ? {} : { senderName: item.senderName }),
    ...(item.messageId === undefined ? {} : { messageId: item.messageId }),
  }));
  // Text held from a failed reply stays first (and makes this an answer, not a voluntary join). The bot speaks
  // up, so the silence countdown restarts (leaving idle drops a planned proactive message): a turn that fails
  // or says nothing still leaves one standing.
  const next = { ...context, fragments: [...context.fragments, ...fragments], completeness: 1, group: { ...group, candidate: null }, ...withTimerDisarmed(context, 'judge') };
  return { ...next, ...withSilenceRestarted(next, at) };
}

/** A judge request that failed for good: dropped (no reply), and the next ready candidate is judged; pure. */
export function dropJudgement(context: SessionContext, requestId: string, at: number): SessionContext {
  const request = judgeRequestOf(context, requestId);
  if (request === null) return context;
  return startJudgement({ ...context, side: context.side.filter((item) => item !== request) }, at);
}

/**
 * `/heartflow_reset`: the group's judge state, activity, image state and memory start over; the periodic
 * schedule (configuration, not conversation) is kept; pure.
 */
export function resetGroup(context: SessionContext, at: number): SessionContext {
  if (context.group === undefined) return context;
  const side = context.side.filter((request) => request.purpose !== 'judge');
  const { periodic } = context.group;
  const group = { ...initialGroupState(), records: context.group.records, memorySince: at, ...(periodic === undefined ? {} : { periodic }) };
  return { ...context, side, group, ...withTimerDisarmed(context, 'judge') };
}
