/**
 * The session statechart: one private chat, from the first fragment a user types to the bot's reply, the
 * wait for a reaction (with inner thoughts), timeouts, follow-ups, proactive messages, reminders and booked
 * wake-ups — and one group chat, with the same states and group-only guards: every message enters group
 * memory, addressed ones are answered, the Heartflow judge decides whether to join others, and a silence
 * countdown and an optional periodic timer plan proactive messages (docs/machines/group.md). Pure: time arrives on events, random draws come from the seeded generator in context, and every
 * side effect is either a context change the driver turns into an effect (timers, LLM requests) or an
 * emitted record (an outbound message, a history or mental-log entry) written by the same commit.
 */
import { and, assign, enqueueActions, not, setup } from 'xstate';
import { describeStatus, isAdminSender, resetConversation } from './admin-commands.js';
import {
  dropJudgement,
  initialGroupState,
  judgeRequestOf,
  noteBotMessage,
  planGroupProactive,
  receiveGroupMessage,
  recordVerdict,
  resetGroup,
  settleCandidate,
  startJudgement,
  withCandidate,
  withSilenceRestarted,
} from './group-logic.js';
import { decidePeriodic, passPeriodic, startPeriodicTurn, withPeriodicPlanned } from './group-periodic.js';
import { describeHeartflow } from './heartflow-status.js';
import { isAddressed, judgeIneligibility, judgeVerdict } from './heartflow.js';
import { decideProactive, isProactivePaused, nextProactiveDue } from './proactive-policy.js';
import { seedFrom } from './random.js';
import { describeReminders, parseCommand } from './session-commands.js';
import {
  appendFragment,
  excerpt,
  expectedReactionOf,
  fragmentOf,
  hasMessageContent,
  isDebounced,
  isSpokenMessage,
  replyTextsOf,
  requestedWaitSeconds,
  withSideRequest,
  withTimerArmed,
  withTimerDisarmed,
  withTimerRenewed,
  withTurnStarted,
} from './session-logic.js';
import { defaultSessionSettings } from './session-settings.js';
import type {
  ChatType,
  SessionContext,
  SessionEmitted,
  SessionEvent,
  SessionInput,
  TimerName,
  TurnPurpose,
} from './session-types.js';
import { completeTurn, queueTexts, type TurnOutcome } from './turn-outcome.js';
import { nextThinkingDue, thoughtProgress } from './waiting-thoughts.js';

function eventTime(event: { type: string }): number {
  return 'at' in event && typeof event.at === 'number' ? event.at : 0;
}

function chatTypeOf(sessionId: string): ChatType {
  return sessionId.split(':')[1] === 'group' ? 'group' : 'private';
}

function reminderIdOf(name: string): number | null {
  const match = /^reminder:(\d+)$/.exec(name);
  return match === null ? null : Number(match[1]);
}

function isCapped(context: SessionContext): boolean {
  return context.consecutiveTimeouts >= context.settings.wait.maxConsecutiveTimeouts;
}

/**
 * What a user's fragment changes as it joins the buffer; pure. Written out field by field: on Node 20, an object
 * literal that spreads an object and then adds keys it lacks defines each added key through a slow path (~1 µs
 * a key), and this ran once per user message (docs/benchmarks.md).
 */
function fragmentAppended(context: SessionContext, event: Extract<SessionEvent, { type: 'message.received' }>): Partial<SessionContext> {
  return {
    timers: withTimerDisarmed(context, 'purge').timers,
    fragments: appendFragment(context.fragments, fragmentOf(event), context.settings.debounce, context.turn?.fragmentCount ?? 0),
    completeness: event.completeness,
    lastUserAt: event.at,
    lastSpeaker: 'user' as const,
    closedByBot: false,
    consecutiveTimeouts: 0,
    unanswered: 0,
  };
}

/** The debounce timer (re)armed from `at`, when the session debounces; pure. */
function debounceArmed(context: SessionContext, at: number): Partial<SessionContext> {
  const seconds = context.settings.debounce.timeoutSeconds;
  if (!isDebounced(context) || seconds <= 0) return {};
  return withTimerArmed(context, 'debounce', at, seconds * 1000);
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    emitted: {} as SessionEmitted,
  },
  guards: {
    // In a group only messages addressed to the bot are conversation; the others go to group memory and the judge.
    isConversational: ({ context, event }) =>
      event.type === 'message.received' && isSpokenMessage(event) && (context.group === undefined || isAddressed(context, event)),
    isGroupMessage: ({ context, event }) =>
      context.group !== undefined && event.type === 'message.received' && hasMessageContent(event) && parseCommand(event.text) === null,
    isMemberMessage: ({ context, event }) => context.group !== undefined && event.type === 'message.received' && isSpokenMessage(event),
    isGroupChat: ({ context }) => context.group !== undefined,
    isJudgeResult: ({ context, event }) => event.type === 'judge.scored' && judgeRequestOf(context, event.requestId) !== null,
    isJoinApproved: ({ context, event }) => event.type === 'judge.scored' && judgeVerdict(context, event.scores, event.at).join,
    isCommand: ({ event }) => event.type === 'message.received' && parseCommand(event.text) !== null,
    isAdminReset: ({ context, event }) =>
      event.type === 'message.received' && parseCommand(event.text)?.command === 'reset' && isAdminSender(context, event.sender.id),
    isUtteranceComplete: ({ context }) => {
      const { threshold, maxFragments } = context.settings.debounce;
      return !isDebounced(context) || context.completeness >= threshold || context.fragments.length >= maxFragments;
    },
    hasSettleWindow: ({ context }) => isDebounced(context) && context.settings.debounce.settleSeconds > 0,
    isSettleArmed: ({ context }) => context.timers.settle !== undefined,
    isCurrentTimer: ({ context, event }, params: { name: TimerName }) => {
      const entry = context.timers[params.name];
      return event.type === 'timer.fired' && event.name === params.name && entry?.gen === event.gen && entry.dueAt <= entry.firesAt;
    },
    isExtendedTimer: ({ context, event }) => {
      if (event.type !== 'timer.fired') return false;
      const entry = context.timers[event.name];
      return entry?.gen === event.gen && entry.dueAt > entry.firesAt;
    },
    isCurrentReminder: ({ context, event }) =>
      event.type === 'timer.fired' && reminderIdOf(event.name) !== null && context.timers[event.name]?.gen === event.gen,
    isCurrentRequest: ({ context, event }) =>
      (event.type === 'llm.replied' || event.type === 'llm.failed') && context.turn?.requestId === event.requestId,
    isSideRequest: ({ context, event }) =>
      (event.type === 'llm.text' || event.type === 'llm.failed') && context.side.some((item) => item.requestId === event.requestId),
    hasRequestedWait: ({ context, event }) =>
      event.type === 'llm.replied' && requestedWaitSeconds(event.calls, context.settings) > 0,
    hasDeliverableText: ({ event }) => event.type === 'llm.replied' && replyTextsOf(event.calls).length > 0,
    hasHeldFragments: ({ context }) => context.fragments.length > (context.turn?.fragmentCount ?? 0),
    cancelsOnNewMessage: ({ context }) => context.settings.debounce.cancelOnNewMessage,
    hasReachedTimeoutCap: ({ context }) => isCapped(context),
    isProactiveWait: ({ context }) => context.wait?.origin === 'proactive',
    isProactiveDue: ({ context, event }) =>
      event.type === 'timer.fired' && decideProactive(context, event.at, event.dueAt).action === 'send',
    isProactivePaused: ({ context }) => isProactivePaused(context) !== null,
    isPeriodicDue: ({ context, event }) => event.type === 'timer.fired' && decidePeriodic(context, event.at, event.dueAt).action === 'send',
    isPeriodicTurn: ({ context }) => context.turn?.periodSeconds !== undefined,
    hasNothingArmed: ({ context }) =>
      context.timers.proactive === undefined && context.timers.silence === undefined && context.wakeup === null,
    hasAutoTrigger: ({ context }) => context.settings.proactive.autoTriggerSeconds > 0,
    isWakeupAllowed: ({ context }) => {
      const { maxUnanswered } = context.settings.proactive;
      return context.settings.wakeup.enabled && (maxUnanswered === 0 || context.unanswered < maxUnanswered);
    },
  },
  actions: {
    applySettings: assign(({ event }) => (event.type === 'settings.changed' ? { settings: event.settings } : {})),
    recordGroupMessage: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message.received' || context.group === undefined) return;
      const outcome = receiveGroupMessage(context, event);
      // The group's first message arms its periodic timer; later ones never move it.
      applyOutcome(enqueue, { ...outcome, context: { ...outcome.context, ...withPeriodicPlanned(outcome.context, event.at) } });
    }),
    planPeriodic: assign(({ context, event }) => withPeriodicPlanned(context, eventTime(event))),
    beginPeriodic: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'timer.fired') applyOutcome(enqueue, startPeriodicTurn(context, event.at));
    }),
    passPeriodic: assign(({ context, event }) => (event.type === 'timer.fired' ? passPeriodic(context, event.at, event.dueAt) : {})),
    considerJudging: assign(({ context, event }) => {
      if (event.type !== 'message.received' || judgeIneligibility(context, event) !== null) return {};
      return withCandidate(context, event);
    }),
    settleCandidate: assign(({ context, event }) => settleCandidate(context, eventTime(event))),
    startReadyJudgement: assign(({ context, event }) => startJudgement(context, eventTime(event))),
    recordJudgement: enqueueActions(({ context, event, enqueue }, params: { canJoin: boolean }) => {
      if (event.type !== 'judge.scored') return;
      applyOutcome(enqueue, recordVerdict(context, event, params.canJoin));
    }),
    planGroupProactive: assign(({ context, event }) => planGroupProactive(context, eventTime(event), isProactivePaused(context) !== null)),
    queueRebootReminder: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'reboot.matched') return;
      applyOutcome(enqueue, queueTexts(context, [event.text], 'reminder', event.at, event.messageId));
    }),
    queueAdminAnswer: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'admin.answered') return;
      applyOutcome(enqueue, queueTexts(context, [event.text], 'notice', event.at, event.replyTo));
    }),
    appendFragment: assign(({ context, event }) => (event.type === 'message.received' ? fragmentAppended(context, event) : {})),
    armDebounceTimer: assign(({ context, event }) => debounceArmed(context, eventTime(event))),
    // A fragment joining a held buffer, as `appendFragment`, `armDebounceTimer` and `disarmTimer(settle)` would
    // do in turn, in one context update: XState copies the whole context at each `assign`.
    holdNextFragment: assign(({ context, event }) => {
      if (event.type !== 'message.received') return {};
      const appended = { ...context, ...fragmentAppended(context, event) };
      const armed = { ...appended, ...debounceArmed(appended, event.at) };
      return { ...armed, ...withTimerDisarmed(armed, 'settle') };
    }),
    armSettleTimer: assign(({ context, event }) => {
      const at = eventTime(event);
      const { settleSeconds, maxHoldSeconds } = context.settings.debounce;
      const holdUntil = (context.fragments[0]?.at ?? at) + maxHoldSeconds * 1000;
      return withTimerArmed(context, 'settle', at, Math.max(0, Math.min(at + settleSeconds * 1000, holdUntil) - at));
    }),
    disarmTimer: assign(({ context }, params: { name: TimerName }) => withTimerDisarmed(context, params.name)),
    renewTimer: assign(({ context, event }) => (event.type === 'timer.fired' ? withTimerRenewed(context, event.name) : {})),
    startTurn: assign(({ context, event }, params: { purpose: TurnPurpose }) =>
      withTurnStarted(context, params.purpose, eventTime(event)),
    ),
    startFollowupUnlessDone: assign(({ context, event }) =>
      isCapped(context) || context.wait?.origin === 'proactive' ? {} : withTurnStarted(context, 'followup', eventTime(event)),
    ),
    endTurn: assign({ turn: null }),
    completeTurn: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'llm.replied') return;
      applyOutcome(enqueue, completeTurn(context, event));
    }),
    armWaitTimer: enqueueActions(({ context, event, enqueue }, params: { origin: 'reply' | 'proactive' }) => {
      if (event.type !== 'llm.replied') return;
      const requested = requestedWaitSeconds(event.calls, context.settings);
      const seconds = requested > 0 || params.origin === 'reply' ? requested : context.settings.proactive.expectReplySeconds;
      const lastBotText = replyTextsOf(event.calls).at(-1);
      const expectedReaction = expectedReactionOf(event.calls);
      enqueue.assign({
        wait: {
          startedAt: event.at,
          seconds,
          origin: params.origin,
          thoughts: 0,
          lastThoughtAt: null,
          ...(expectedReaction === undefined ? {} : { expectedReaction: excerpt(expectedReaction) }),
          ...(lastBotText === undefined ? {} : { lastBotText: excerpt(lastBotText) }),
        },
        ...withTimerArmed(context, 'wait', event.at, seconds * 1000),
      });
    }),
    armThinkingTimer: assign(({ context }) => {
      const dueAt = nextThinkingDue(context);
      return dueAt === null ? {} : withTimerArmed(context, 'thinking', 0, dueAt);
    }),
    startThought: assign(({ context }) => {
      const wait = context.wait;
      if (wait === null) return {};
      const request = withSideRequest(context, { purpose: 'thinking', waitStartedAt: wait.startedAt, progress: thoughtProgress(context) });
      return { ...request, ...withTimerDisarmed(context, 'thinking') };
    }),
    completeSideRequest: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'llm.text' && event.type !== 'llm.failed') return;
      const request = context.side.find((item) => item.requestId === event.requestId);
      if (request === undefined) return;
      if (request.purpose === 'judge') {
        // A judge that failed for good (unreadable answers, no judge model): fail closed, no reply.
        enqueue.assign(dropJudgement(context, request.requestId, event.at));
        return;
      }
      const side = context.side.filter((item) => item !== request);
      if (request.purpose === 'reminder') {
        const text = event.type === 'llm.text' && event.text.trim().length > 0 ? event.text : `⏰ ${request.text}`;
        applyOutcome(enqueue, queueTexts({ ...context, side }, [text], 'reminder', event.at));
        return;
      }
      const wait = context.wait;
      if (event.type !== 'llm.text' || wait === null || wait.startedAt !== request.waitStartedAt) {
        enqueue.assign({ side });
        return;
      }
      const thought = { ...wait, thoughts: wait.thoughts + 1, lastThoughtAt: event.at };
      const next = { ...context, side, wait: thought };
      const dueAt = nextThinkingDue(next);
      enqueue.assign({ side, wait: thought, ...(dueAt === null ? {} : withTimerArmed(next, 'thinking', 0, dueAt)) });
      enqueue.emit({ type: 'mental.recorded', kind: 'waiting_thought', text: excerpt(event.text), at: event.at });
    }),
    fireReminder: assign(({ context, event }) => {
      if (event.type !== 'timer.fired') return {};
      const id = reminderIdOf(event.name);
      const reminder = context.reminders.find((item) => item.id === id);
      const base = { reminders: context.reminders.filter((item) => item.id !== id), ...withTimerDisarmed(context, event.name) };
      if (reminder === undefined) return base;
      return { ...base, ...withSideRequest(context, { purpose: 'reminder', reminderId: reminder.id, text: reminder.text }) };
    }),
    recordReplyTiming: enqueueActions(({ context, event, enqueue }) => {
      const wait = context.wait;
      if (event.type !== 'message.received' || wait === null) return;
      const elapsed = Math.round((event.at - wait.startedAt) / 1000);
      const inTime = event.at - wait.startedAt <= wait.seconds * 1000;
      enqueue.emit({ type: 'mental.recorded', kind: inTime ? 'reply_in_time' : 'reply_late', text: `they replied after ${elapsed} s (waited up to ${wait.seconds} s)`, at: event.at });
    }),
    clearWait: assign({ wait: null }),
    countTimeout: enqueueActions(({ context, event, enqueue }) => {
      const count = context.consecutiveTimeouts + 1;
      enqueue.assign({ consecutiveTimeouts: count });
      enqueue.emit({ type: 'mental.recorded', kind: 'timeout', text: `no reply within ${context.wait?.seconds ?? 0} s (timeout ${count})`, at: eventTime(event) });
    }),
    armProactiveTimer: assign(({ context, event }) => {
      // A group plans its proactive messages from the silence countdown instead.
      if (context.group !== undefined || context.wakeup !== null || isProactivePaused(context) !== null || eventTime(event) === 0) return {};
      const next = nextProactiveDue(context, eventTime(event));
      return { rng: next.rng, ...withTimerArmed(context, 'proactive', eventTime(event), next.dueAt - eventTime(event)) };
    }),
    armAutoTrigger: assign(({ context, event }) =>
      withTimerArmed(context, 'proactive', eventTime(event), context.settings.proactive.autoTriggerSeconds * 1000),
    ),
    deferProactive: assign(({ context, event }) => {
      if (event.type !== 'timer.fired') return {};
      const decision = decideProactive(context, event.at, event.dueAt);
      if (decision.action !== 'defer') return withTimerDisarmed(context, 'proactive');
      return { rng: decision.rng, ...withTimerArmed(context, 'proactive', event.at, decision.dueAt - event.at) };
    }),
    beginProactive: enqueueActions(({ context, event, enqueue }, params: { purpose: 'proactive' | 'wakeup' }) => {
      if (event.type !== 'timer.fired') return;
      const decision = params.purpose === 'proactive' ? decideProactive(context, event.at, event.dueAt) : null;
      const rng = decision?.action === 'send' ? decision.rng : context.rng;
      const reason = params.purpose === 'wakeup' ? `booked wake-up: ${context.wakeup?.reason ?? ''}` : 'silence; reaching out';
      const base = { ...context, rng, wakeup: params.purpose === 'wakeup' ? null : context.wakeup };
      const started = withTurnStarted(base, params.purpose, event.at);
      const turn = params.purpose === 'wakeup' && context.wakeup !== null ? { ...started.turn!, reason: context.wakeup.reason } : started.turn;
      // A group's silence countdown restarts as the bot speaks up (leaving idle dropped the planned message): a
      // turn that fails or says nothing tries again later.
      const silence = context.group === undefined ? {} : withSilenceRestarted({ ...base, ...started }, event.at);
      enqueue.assign({ rng, wakeup: base.wakeup, ...started, turn, ...silence });
      enqueue.emit({ type: 'mental.recorded', kind: 'proactive', text: reason, at: event.at });
    }),
    consumeWakeup: assign(({ context }) => ({ wakeup: null, ...withTimerDisarmed(context, 'wakeup') })),
    recordDelivery: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'outbound.delivered' || event.kind === 'notice') return;
      const afterUser = context.lastUserAt === null || event.at >= context.lastUserAt;
      const message = context.proactiveMessage;
      const countsAsUnanswered =
        message !== null &&
        !message.counted &&
        event.seq >= message.firstSeq &&
        event.seq <= message.lastSeq &&
        (context.lastUserAt === null || context.lastUserAt < message.startedAt);
      enqueue.assign({
        lastBotAt: Math.max(context.lastBotAt ?? 0, event.at),
        lastSpeaker: afterUser ? 'bot' : context.lastSpeaker,
        ...(countsAsUnanswered ? { unanswered: context.unanswered + 1, lastProactiveAt: event.at, proactiveMessage: { ...message, counted: true } } : {}),
      });
      enqueue.emit({ type: 'history.recorded', role: 'bot', text: event.text, at: event.at });
      if (context.group !== undefined) enqueue.assign(noteBotMessage(context, event.at));
    }),
    armPurgeTimer: assign(({ context, event }) => {
      if (context.fragments.length === 0) return {};
      const seconds = 3 * Math.max(10, context.settings.debounce.timeoutSeconds);
      return withTimerArmed(context, 'purge', eventTime(event), seconds * 1000);
    }),
    purgeFragments: enqueueActions(({ context, event, enqueue }) => {
      // A group's messages are in its memory already; dropping the buffer frees the judge.
      for (const fragment of context.group === undefined ? context.fragments : []) {
        enqueue.emit({ type: 'history.recorded', role: 'user', text: fragment.text, at: fragment.at, ...(fragment.images.length > 0 ? { images: fragment.images } : {}) });
      }
      const purged = { ...context, fragments: [], completeness: 0, ...withTimerDisarmed(context, 'purge') };
      enqueue.assign(context.group === undefined ? purged : startJudgement(purged, eventTime(event)));
    }),
    deferWakeup: assign(({ context, event }) =>
      withTimerArmed(context, 'wakeup', eventTime(event), context.settings.wakeup.busyRetrySeconds * 1000),
    ),
    applySettingsWhileIdle: assign(({ context, event }) => {
      if (event.type !== 'settings.changed') return {};
      const before = context.settings.proactive;
      const changed = { ...context, settings: event.settings };
      // Only a change to the proactive settings re-plans the timer, and only for a session that has talked.
      const talked = context.lastUserAt !== null || context.timers.proactive !== undefined;
      const unchanged = JSON.stringify(before) === JSON.stringify(event.settings.proactive);
      // A group re-plans with its next message (the silence countdown).
      if (unchanged || !talked || context.group !== undefined) return { settings: event.settings };
      const base = { ...changed, ...withTimerDisarmed(changed, 'proactive') };
      if (base.wakeup !== null || isProactivePaused(base) !== null) return base;
      const next = nextProactiveDue(base, eventTime(event));
      return { ...base, rng: next.rng, ...withTimerArmed(base, 'proactive', eventTime(event), next.dueAt - eventTime(event)) };
    }),
    recordFailure: assign(({ event }) =>
      event.type === 'llm.failed' || event.type === 'outbound.failed' ? { lastError: event.error } : {},
    ),
    resetConversation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message.received') return;
      const reset = resetConversation(context, event.at);
      applyOutcome(enqueue, queueTexts(reset, ['Conversation reset: the bot starts over from here (reminders are kept).'], 'notice', event.at));
    }),
    answerCommand: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'message.received') return;
      const command = parseCommand(event.text);
      if (command === null) return;
      let next = context;
      let text = `Unknown command. Try /reminders or /reminders cancel <id>${context.group === undefined ? '' : ', /heartflow or /heartflow_reset'}; admins also /status and /reset.`;
      if (command.command === 'reminders.list') text = describeReminders(context.reminders, context.settings.proactive.timezone);
      if (command.command === 'status') {
        text = isAdminSender(context, event.sender.id) ? describeStatus(context, String(self.getSnapshot().value)) : 'Only admins can use /status.';
      }
      // An admin's /reset is taken by `resetConversation` before this action; anyone else is told.
      if (command.command === 'reset') text = 'Only admins can use /reset.';
      if (command.command === 'heartflow.status') text = describeHeartflow(context, event.at);
      if (command.command === 'heartflow.reset') {
        const allowed = context.group !== undefined && isAdminSender(context, event.sender.id);
        next = allowed ? resetGroup(context, event.at) : context;
        text = context.group === undefined ? 'Heartflow runs in group chats only.' : allowed ? 'Heartflow state, image memory and group memory cleared.' : 'Only admins can reset Heartflow.';
      }
      if (command.command === 'reminders.cancel') {
        const known = context.reminders.some((item) => item.id === command.id);
        const name = `reminder:${command.id}` as const;
        next = known ? { ...context, reminders: context.reminders.filter((item) => item.id !== command.id), ...withTimerDisarmed(context, name) } : context;
        text = known ? `Reminder #${command.id} cancelled.` : `There is no reminder #${command.id}.`;
      }
      applyOutcome(enqueue, queueTexts(next, [text], 'notice', event.at));
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => initialSessionContext(input.sessionId),
  initial: 'idle',
  on: {
    'settings.changed': { actions: ['applySettings', 'planPeriodic'] },
    'session.opened': { actions: 'planPeriodic' },
    'message.received': [
      { guard: 'isAdminReset', target: '.idle', actions: 'resetConversation' },
      { guard: 'isCommand', actions: 'answerCommand' },
      // A group message nobody addressed the bot with: memory, activity, and maybe the judge.
      { guard: 'isGroupMessage', actions: ['recordGroupMessage', 'considerJudging'] },
    ],
    'timer.fired': [
      { guard: 'isExtendedTimer', actions: 'renewTimer' },
      { guard: 'isCurrentReminder', actions: 'fireReminder' },
      { guard: { type: 'isCurrentTimer', params: { name: 'purge' } }, actions: 'purgeFragments' },
      // A wake-up while the conversation is busy comes back later; one that is not allowed is consumed.
      { guard: and([{ type: 'isCurrentTimer', params: { name: 'wakeup' as const } }, 'isWakeupAllowed']), actions: 'deferWakeup' },
      { guard: { type: 'isCurrentTimer', params: { name: 'wakeup' } }, actions: 'consumeWakeup' },
      { guard: { type: 'isCurrentTimer', params: { name: 'judge' } }, actions: 'settleCandidate' },
      { guard: { type: 'isCurrentTimer', params: { name: 'silence' } }, actions: 'planGroupProactive' },
      // Outside idle the bot is busy: this period is skipped. In idle: quiet hours or downtime (see group-periodic.ts).
      { guard: { type: 'isCurrentTimer', params: { name: 'periodic' } }, actions: 'passPeriodic' },
    ],
    'llm.text': { guard: 'isSideRequest', actions: 'completeSideRequest' },
    'llm.failed': { guard: 'isSideRequest', actions: 'completeSideRequest' },
    // Outside idle the bot is already speaking: the verdict is recorded, nobody joins twice.
    'judge.scored': { guard: 'isJudgeResult', actions: { type: 'recordJudgement', params: { canJoin: false } } },
    'reboot.matched': { guard: 'isGroupChat', actions: 'queueRebootReminder' },
    'admin.answered': { actions: 'queueAdminAnswer' },
    'outbound.delivered': { actions: 'recordDelivery' },
    'outbound.failed': { actions: 'recordFailure' },
  },
  states: {
    idle: {
      entry: ['clearWait', 'armProactiveTimer', 'startReadyJudgement'],
      exit: { type: 'disarmTimer', params: { name: 'proactive' } },
      on: {
        'message.received': { guard: 'isConversational', target: 'buffering', actions: ['recordGroupMessage', 'appendFragment'] },
        'judge.scored': {
          guard: and(['isJudgeResult', 'isJoinApproved']),
          target: 'awaiting-llm',
          actions: { type: 'recordJudgement', params: { canJoin: true } },
        },
        'timer.fired': [
          {
            guard: and([{ type: 'isCurrentTimer', params: { name: 'periodic' as const } }, 'isPeriodicDue']),
            target: 'proactive',
            actions: 'beginPeriodic',
          },
          {
            guard: and([{ type: 'isCurrentTimer', params: { name: 'proactive' as const } }, 'isProactiveDue']),
            target: 'proactive',
            actions: { type: 'beginProactive', params: { purpose: 'proactive' } },
          },
          { guard: { type: 'isCurrentTimer', params: { name: 'proactive' } }, actions: 'deferProactive' },
          {
            guard: and([{ type: 'isCurrentTimer', params: { name: 'wakeup' as const } }, 'isWakeupAllowed']),
            target: 'proactive',
            actions: [{ type: 'disarmTimer', params: { name: 'wakeup' } }, { type: 'beginProactive', params: { purpose: 'wakeup' } }],
          },
        ],
        'settings.changed': { actions: ['applySettingsWhileIdle', 'planPeriodic'] },
        'session.opened': {
          guard: and(['hasAutoTrigger', 'hasNothingArmed', not('isProactivePaused')]),
          actions: ['armAutoTrigger', 'planPeriodic'],
        },
      },
    },
    buffering: {
      entry: 'armDebounceTimer',
      exit: [{ type: 'disarmTimer', params: { name: 'debounce' } }, { type: 'disarmTimer', params: { name: 'settle' } }],
      always: [
        { guard: and(['isUtteranceComplete', not('hasSettleWindow')]), target: 'awaiting-llm' },
        { guard: and(['isUtteranceComplete', 'hasSettleWindow', not('isSettleArmed')]), actions: 'armSettleTimer' },
      ],
      on: {
        // Stays in buffering: the debounce deadline moves (its job is kept), the settle window starts over.
        'message.received': {
          guard: 'isConversational',
          actions: ['recordGroupMessage', 'holdNextFragment'],
        },
        'timer.fired': [
          { guard: { type: 'isCurrentTimer', params: { name: 'debounce' } }, target: 'awaiting-llm' },
          { guard: { type: 'isCurrentTimer', params: { name: 'settle' } }, target: 'awaiting-llm' },
        ],
      },
    },
    'awaiting-llm': {
      entry: { type: 'startTurn', params: { purpose: 'reply' } },
      on: {
        'message.received': [
          { guard: and(['isConversational', 'cancelsOnNewMessage']), target: 'buffering', actions: ['endTurn', 'recordGroupMessage', 'appendFragment'] },
          { guard: 'isConversational', actions: ['recordGroupMessage', 'appendFragment'] },
        ],
        'llm.replied': [
          { guard: and(['isCurrentRequest', 'hasHeldFragments']), target: 'buffering', actions: 'completeTurn' },
          // A group never waits for a reaction: the group talks on, and the judge decides when to join again.
          { guard: and(['isCurrentRequest', 'hasRequestedWait', not('isGroupChat')]), target: 'waiting', actions: [{ type: 'armWaitTimer', params: { origin: 'reply' } }, 'completeTurn'] },
          { guard: 'isCurrentRequest', target: 'idle', actions: 'completeTurn' },
        ],
        'llm.failed': { guard: 'isCurrentRequest', target: 'idle', actions: ['recordFailure', 'endTurn', 'armPurgeTimer'] },
      },
    },
    waiting: {
      entry: 'armThinkingTimer',
      exit: [{ type: 'disarmTimer', params: { name: 'wait' } }, { type: 'disarmTimer', params: { name: 'thinking' } }],
      on: {
        'message.received': { guard: 'isConversational', target: 'buffering', actions: ['recordReplyTiming', 'clearWait', 'appendFragment'] },
        'timer.fired': [
          { guard: { type: 'isCurrentTimer', params: { name: 'wait' } }, target: 'timed-out', actions: 'countTimeout' },
          { guard: { type: 'isCurrentTimer', params: { name: 'thinking' } }, actions: 'startThought' },
          {
            guard: and([{ type: 'isCurrentTimer', params: { name: 'wakeup' as const } }, 'isWakeupAllowed']),
            target: 'proactive',
            actions: [{ type: 'disarmTimer', params: { name: 'wakeup' } }, { type: 'beginProactive', params: { purpose: 'wakeup' } }],
          },
        ],
      },
    },
    'timed-out': {
      entry: 'startFollowupUnlessDone',
      always: [
        { guard: 'hasReachedTimeoutCap', target: 'idle' },
        { guard: 'isProactiveWait', target: 'idle' },
      ],
      on: {
        'message.received': { guard: 'isConversational', target: 'buffering', actions: ['recordReplyTiming', 'endTurn', 'clearWait', 'appendFragment'] },
        'llm.replied': [
          { guard: and(['isCurrentRequest', 'hasRequestedWait']), target: 'waiting', actions: [{ type: 'armWaitTimer', params: { origin: 'reply' } }, 'completeTurn'] },
          { guard: 'isCurrentRequest', target: 'idle', actions: 'completeTurn' },
        ],
        'llm.failed': { guard: 'isCurrentRequest', target: 'idle', actions: ['recordFailure', 'endTurn'] },
      },
    },
    proactive: {
      on: {
        'message.received': [
          { guard: 'isConversational', target: 'buffering', actions: ['endTurn', 'recordGroupMessage', 'appendFragment'] },
          // Someone spoke while the bot was composing: the silence it was going to break is over. A periodic
          // message broke no silence: it goes out anyway (the message is recorded by the root transition).
          { guard: and(['isMemberMessage', not('isPeriodicTurn')]), target: 'idle', actions: ['endTurn', 'recordGroupMessage', 'considerJudging'] },
        ],
        'llm.replied': [
          { guard: and(['isCurrentRequest', 'hasDeliverableText', not('isGroupChat')]), target: 'waiting', actions: [{ type: 'armWaitTimer', params: { origin: 'proactive' } }, 'completeTurn'] },
          { guard: 'isCurrentRequest', target: 'idle', actions: 'completeTurn' },
        ],
        'llm.failed': { guard: 'isCurrentRequest', target: 'idle', actions: ['recordFailure', 'endTurn'] },
      },
    },
  },
});

function applyOutcome(
  enqueue: { assign: (value: Partial<SessionContext>) => void; emit: (event: SessionEmitted) => void },
  outcome: TurnOutcome,
): void {
  enqueue.assign(outcome.context);
  for (const record of outcome.emitted) enqueue.emit(record);
}

export type SessionMachine = typeof sessionMachine;

/** The context of a session that has seen nothing yet; pure. */
export function initialSessionContext(sessionId: string): SessionContext {
  return {
    chatType: chatTypeOf(sessionId),
    settings: defaultSessionSettings,
    rng: seedFrom(sessionId),
    fragments: [],
    completeness: 0,
    turn: null,
    side: [],
    requestSeq: 0,
    timers: {},
    timerGen: 0,
    outboundSeq: 0,
    wait: null,
    consecutiveTimeouts: 0,
    unanswered: 0,
    lastUserAt: null,
    lastBotAt: null,
    lastProactiveAt: null,
    lastSpeaker: null,
    closedByBot: false,
    reminders: [],
    reminderSeq: 0,
    wakeup: null,
    memos: [],
    memoSeq: 0,
    proactiveMessage: null,
    lastError: null,
    ...(chatTypeOf(sessionId) === 'group' ? { group: initialGroupState() } : {}),
  };
}
