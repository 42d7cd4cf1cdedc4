/**
 * The session statechart: one private chat or group, from the first fragment a user types to the bot's
 * reply, the wait for a reaction, timeouts and proactive messages. Pure: time arrives on events, random
 * draws come from the seeded generator in context, and every side effect is either a context change the
 * driver turns into an effect (timers, LLM requests) or an emitted `outbound.queued` message.
 */
import { and, assign, emit, enqueueActions, setup } from 'xstate';
import { seedFrom } from './random.js';
import {
  appendFragment,
  drawProactiveDelay,
  expectedReactionOf,
  fragmentOf,
  hasMessageContent,
  replyTextsOf,
  requestedWaitSeconds,
  withTimerArmed,
  withTimerDisarmed,
  withTurnStarted,
} from './session-logic.js';
import { defaultSessionSettings } from './session-settings.js';
import type {
  ChatType,
  OutboundKind,
  SessionContext,
  SessionEmitted,
  SessionEvent,
  SessionInput,
  TimerName,
  TurnPurpose,
} from './session-types.js';

const outboundKindOf: Record<TurnPurpose, OutboundKind> = {
  reply: 'reply',
  followup: 'followup',
  proactive: 'proactive',
};

function eventTime(event: { type: string }): number | undefined {
  return 'at' in event && typeof event.at === 'number' ? event.at : undefined;
}

function hasReachedTimeoutCap(context: SessionContext): boolean {
  return context.consecutiveTimeouts >= context.settings.wait.maxConsecutiveTimeouts;
}

function chatTypeOf(sessionId: string): ChatType {
  return sessionId.split(':')[1] === 'group' ? 'group' : 'private';
}

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    emitted: {} as SessionEmitted,
  },
  guards: {
    hasContent: ({ event }) => event.type === 'message.received' && hasMessageContent(event),
    isUtteranceComplete: ({ context }) => {
      const { enabled, threshold, maxFragments } = context.settings.debounce;
      return !enabled || context.completeness >= threshold || context.fragments.length >= maxFragments;
    },
    isCurrentTimer: ({ context, event }, params: { name: TimerName }) =>
      event.type === 'timer.fired' && event.name === params.name && context.timers[params.name]?.gen === event.gen,
    isCurrentRequest: ({ context, event }) =>
      (event.type === 'llm.replied' || event.type === 'llm.failed') && context.turn?.requestId === event.requestId,
    hasRequestedWait: ({ context, event }) =>
      event.type === 'llm.replied' && requestedWaitSeconds(event.calls, context.settings) > 0,
    hasDeliverableText: ({ event }) => event.type === 'llm.replied' && replyTextsOf(event.calls).length > 0,
    hasReachedTimeoutCap: ({ context }) => hasReachedTimeoutCap(context),
    isProactiveEnabled: ({ context }) => context.settings.proactive.enabled,
  },
  actions: {
    applySettings: assign(({ event }) => (event.type === 'settings.changed' ? { settings: event.settings } : {})),
    appendFragment: assign(({ context, event }) => {
      if (event.type !== 'message.received') return {};
      return {
        fragments: appendFragment(context.fragments, fragmentOf(event), context.settings.debounce),
        completeness: event.completeness,
        lastUserAt: event.at,
      };
    }),
    clearFragments: assign({ fragments: [], completeness: 0 }),
    resetCounters: assign({ consecutiveTimeouts: 0, unanswered: 0 }),
    countTimeout: assign(({ context }) => ({ consecutiveTimeouts: context.consecutiveTimeouts + 1 })),
    countUnanswered: assign(({ context }) => ({ unanswered: context.unanswered + 1 })),
    armDebounceTimer: assign(({ context, event }) => {
      const at = eventTime(event);
      if (at === undefined) return {};
      return withTimerArmed(context, 'debounce', at, context.settings.debounce.timeoutSeconds * 1000);
    }),
    armWaitTimer: assign(({ context, event }, params?: { fallback: 'expectReply' }) => {
      const at = eventTime(event);
      if (at === undefined || event.type !== 'llm.replied') return {};
      const requested = requestedWaitSeconds(event.calls, context.settings);
      const seconds =
        requested > 0 || params?.fallback !== 'expectReply' ? requested : context.settings.proactive.expectReplySeconds;
      const expectedReaction = expectedReactionOf(event.calls);
      const wait = expectedReaction === undefined ? { startedAt: at, seconds } : { startedAt: at, seconds, expectedReaction };
      return { wait, ...withTimerArmed(context, 'wait', at, seconds * 1000) };
    }),
    armProactiveTimer: assign(({ context, event }) => {
      const at = eventTime(event);
      if (at === undefined || !context.settings.proactive.enabled) return {};
      const { delayMs, rng } = drawProactiveDelay(context);
      return { rng, ...withTimerArmed(context, 'proactive', at, delayMs) };
    }),
    disarmTimer: assign(({ context }, params: { name: TimerName }) => withTimerDisarmed(context, params.name)),
    clearWait: assign({ wait: null }),
    startTurn: assign(({ context, event }, params: { purpose: TurnPurpose }) =>
      withTurnStarted(context, params.purpose, eventTime(event) ?? context.lastUserAt ?? 0),
    ),
    startFollowupUnlessCapped: assign(({ context, event }) => {
      if (hasReachedTimeoutCap(context)) return {};
      return withTurnStarted(context, 'followup', eventTime(event) ?? context.lastUserAt ?? 0);
    }),
    endTurn: assign({ turn: null }),
    recordFailure: assign(({ event }) => (event.type === 'llm.failed' ? { lastError: event.error } : {})),
    deliverReplies: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'llm.replied' || context.turn === null) return;
      const kind = outboundKindOf[context.turn.purpose];
      const texts = replyTextsOf(event.calls);
      texts.forEach((text, index) => {
        enqueue(emit({ type: 'outbound.queued', seq: context.outboundSeq + index + 1, text, kind, at: event.at }));
      });
      if (texts.length > 0) {
        enqueue.assign({ outboundSeq: context.outboundSeq + texts.length, lastBotAt: event.at, lastError: null });
      }
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    chatType: chatTypeOf(input.sessionId),
    settings: defaultSessionSettings,
    rng: seedFrom(input.sessionId),
    fragments: [],
    completeness: 0,
    turn: null,
    requestSeq: 0,
    timers: {},
    timerGen: 0,
    outboundSeq: 0,
    wait: null,
    consecutiveTimeouts: 0,
    unanswered: 0,
    lastUserAt: null,
    lastBotAt: null,
    lastError: null,
  }),
  initial: 'idle',
  on: {
    'settings.changed': { actions: 'applySettings' },
  },
  states: {
    idle: {
      entry: 'armProactiveTimer',
      exit: { type: 'disarmTimer', params: { name: 'proactive' } },
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          actions: ['appendFragment', 'resetCounters'],
        },
        'timer.fired': [
          {
            guard: and([{ type: 'isCurrentTimer', params: { name: 'proactive' as const } }, 'isProactiveEnabled']),
            target: 'proactive',
          },
          {
            guard: { type: 'isCurrentTimer', params: { name: 'proactive' } },
            actions: { type: 'disarmTimer', params: { name: 'proactive' } },
          },
        ],
      },
    },
    buffering: {
      entry: 'armDebounceTimer',
      exit: { type: 'disarmTimer', params: { name: 'debounce' } },
      always: { guard: 'isUtteranceComplete', target: 'awaiting-llm' },
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          reenter: true,
          actions: ['appendFragment', 'resetCounters'],
        },
        'timer.fired': {
          guard: { type: 'isCurrentTimer', params: { name: 'debounce' } },
          target: 'awaiting-llm',
        },
      },
    },
    'awaiting-llm': {
      entry: { type: 'startTurn', params: { purpose: 'reply' } },
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          actions: ['endTurn', 'appendFragment', 'resetCounters'],
        },
        'llm.replied': [
          {
            guard: and(['isCurrentRequest', 'hasRequestedWait']),
            target: 'waiting',
            actions: ['deliverReplies', 'clearFragments', 'armWaitTimer', 'endTurn'],
          },
          { guard: 'isCurrentRequest', target: 'idle', actions: ['deliverReplies', 'clearFragments', 'endTurn'] },
        ],
        'llm.failed': {
          guard: 'isCurrentRequest',
          target: 'idle',
          actions: ['recordFailure', 'endTurn'],
        },
      },
    },
    waiting: {
      exit: [{ type: 'disarmTimer', params: { name: 'wait' } }, 'clearWait'],
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          actions: ['appendFragment', 'resetCounters'],
        },
        'timer.fired': {
          guard: { type: 'isCurrentTimer', params: { name: 'wait' } },
          target: 'timed-out',
          actions: 'countTimeout',
        },
      },
    },
    'timed-out': {
      entry: 'startFollowupUnlessCapped',
      always: { guard: 'hasReachedTimeoutCap', target: 'idle' },
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          actions: ['endTurn', 'appendFragment', 'resetCounters'],
        },
        'llm.replied': [
          {
            guard: and(['isCurrentRequest', 'hasRequestedWait']),
            target: 'waiting',
            actions: ['deliverReplies', 'armWaitTimer', 'endTurn'],
          },
          { guard: 'isCurrentRequest', target: 'idle', actions: ['deliverReplies', 'endTurn'] },
        ],
        'llm.failed': { guard: 'isCurrentRequest', target: 'idle', actions: ['recordFailure', 'endTurn'] },
      },
    },
    proactive: {
      entry: { type: 'startTurn', params: { purpose: 'proactive' } },
      on: {
        'message.received': {
          guard: 'hasContent',
          target: 'buffering',
          actions: ['endTurn', 'appendFragment', 'resetCounters'],
        },
        'llm.replied': [
          {
            guard: and(['isCurrentRequest', 'hasDeliverableText']),
            target: 'waiting',
            actions: [
              'deliverReplies',
              'countUnanswered',
              { type: 'armWaitTimer', params: { fallback: 'expectReply' } },
              'endTurn',
            ],
          },
          { guard: 'isCurrentRequest', target: 'idle', actions: 'endTurn' },
        ],
        'llm.failed': { guard: 'isCurrentRequest', target: 'idle', actions: ['recordFailure', 'endTurn'] },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
