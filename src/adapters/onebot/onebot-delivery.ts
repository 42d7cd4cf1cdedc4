/**
 * Delivery to QQ through OneBot: a session's message becomes `send_private_msg` / `send_group_msg` with a
 * text segment (after a `reply` segment when it quotes a message), a voice clip a `record` segment with a
 * `base64://` file. Each send is claimed in Redis before its frame is written, so a delivery job that runs
 * again never writes the same message twice; what the response says decides the rest (`send-outcome.ts`).
 * Failures nothing was written for are retryable; refusals are not; unconfirmed sends are reported as
 * failed unless `onebot.resendUnconfirmed` is on.
 */
import type { OnebotConfig } from '../../config/onebot-schema.js';
import { RuntimeError, toErrorInfo } from '../../errors.js';
import type { Logger } from '../../log.js';
import { sessionKeys } from '../../redis/keys.js';
import type { OutboxMessage } from '../../runtime/effects.js';
import { parseSessionId } from '../../runtime/session-id.js';
import type { DeliveryAdapter, VoiceClip } from '../delivery-adapter.js';
import type { Segment } from './cq-code.js';
import type { OnebotAccount } from './onebot-account.js';
import type { OnebotAccounts } from './onebot-accounts.js';
import { onebotPlatform } from './onebot-frame.js';
import type { OnebotStore } from './onebot-store.js';
import { SendPacer } from './send-pacer.js';
import { sendOutcomeOf } from './send-outcome.js';

export interface OnebotDeliveryOptions {
  accounts: OnebotAccounts;
  store: OnebotStore;
  config: OnebotConfig;
  /** Reads the session's newest queued outbound message (for the typing indicator). */
  newestOutbound: (sessionKey: string) => Promise<string | null>;
  prefix: string;
  logger: Logger;
  now?: () => number;
}

interface Target {
  chatType: 'private' | 'group';
  action: 'send_private_msg' | 'send_group_msg';
  params: Record<string, number | string>;
}

/** The action and ids that send to a OneBot session; throws a non-retryable error for another id; pure. */
export function targetOf(sessionId: string): Target {
  const address = parseSessionId(sessionId);
  if (address === null || address.platform !== onebotPlatform || !/^\d{1,20}$/.test(address.chatId)) {
    throw new RuntimeError('platform_rejected', `OneBot cannot send to ${sessionId}: not onebot:<private|group>:<QQ number>`);
  }
  const id = Number.isSafeInteger(Number(address.chatId)) ? Number(address.chatId) : address.chatId;
  return address.chatType === 'private'
    ? { chatType: 'private', action: 'send_private_msg', params: { user_id: id } }
    : { chatType: 'group', action: 'send_group_msg', params: { group_id: id } };
}

/** The segments of a text message: a quote of `replyTo` first when there is one; pure. */
export function textSegments(message: Pick<OutboxMessage, 'text' | 'replyTo'>): Segment[] {
  const text: Segment = { type: 'text', data: { text: message.text } };
  return message.replyTo === undefined ? [text] : [{ type: 'reply', data: { id: message.replyTo } }, text];
}

/** Creates the OneBot delivery adapter. */
export function createOnebotDelivery(options: OnebotDeliveryOptions): DeliveryAdapter {
  const now = options.now ?? Date.now;
  const pacer = new SendPacer(options.config.sendIntervalSeconds * 1000, now);
  const { store, logger } = options;

  async function send(sessionId: string, message: OutboxMessage, part: 'text' | 'voice', segments: Segment[]): Promise<void> {
    const target = targetOf(sessionId);
    const account = options.accounts.forSession(await store.routeOf(sessionId));
    await account.waitForConnection();
    await pacer.wait(account.selfId);
    // Claimed right before the frame is written: a process killed while it waited its pacing turn leaves no
    // claim, so the retry sends the message instead of reporting it unconfirmed.
    const claim = `${message.seq}:${message.at}:${part}`;
    const previous = await store.claimSend(sessionId, claim);
    if (previous !== null && isSentBefore(sessionId, claim, previous)) return;
    let response;
    try {
      response = await account.call(target.action, { ...target.params, message: segments });
    } catch (error) {
      throw await afterFailure(sessionId, claim, error);
    }
    const outcome = sendOutcomeOf(response);
    if (outcome.kind === 'rejected') {
      await store.releaseSend(sessionId, claim);
      throw new RuntimeError('platform_rejected', `OneBot ${target.action} refused: ${outcome.reason}`);
    }
    if (outcome.kind === 'unconfirmed') {
      throw await afterFailure(sessionId, claim, new RuntimeError('delivery_unconfirmed', `OneBot ${target.action} failed and may have sent: ${outcome.reason}`));
    }
    await store.settleSend(sessionId, claim, `sent:${outcome.messageId ?? ''}`);
    if (outcome.messageId !== null) await store.rememberBotMessage(sessionId, outcome.messageId, now());
    if (part === 'text' && target.chatType === 'private' && options.config.typingIndicator) void showTypingIfMore(account, sessionId, message, target);
  }

  /** A claim already existed: an earlier run of this delivery sent it (true: done), or may have (throws unless resending). */
  function isSentBefore(sessionId: string, claim: string, previous: string): boolean {
    if (previous.startsWith('sent:')) return true;
    if (options.config.resendUnconfirmed) return false;
    logger.warn({ sessionId, claim }, 'an earlier attempt of this OneBot send was written but never confirmed; not sending it again');
    throw new RuntimeError('delivery_unconfirmed', 'OneBot: an earlier attempt of this send was written but never confirmed');
  }

  /** Releases the claim when a retry cannot send twice, and says whether the outbox should retry. */
  async function afterFailure(sessionId: string, claim: string, error: unknown): Promise<unknown> {
    if (!(error instanceof RuntimeError)) return error;
    if (error.code === 'platform_unavailable') await store.releaseSend(sessionId, claim);
    if (error.code !== 'delivery_unconfirmed') return error;
    logger.warn({ sessionId, claim, err: toErrorInfo(error) }, 'OneBot send unconfirmed');
    if (!options.config.resendUnconfirmed) return error;
    await store.releaseSend(sessionId, claim);
    return new RuntimeError('delivery_unconfirmed', `${error.message} (resending: onebot.resendUnconfirmed)`, { retryable: true, cause: error });
  }

  /** Shows "typing…" (NapCat's `set_input_status`) while a later segment of the same turn is due; failures are ignored. */
  async function showTypingIfMore(account: OnebotAccount, sessionId: string, message: OutboxMessage, target: Target): Promise<void> {
    try {
      const newest = await options.newestOutbound(sessionKeys(options.prefix, sessionId).outbox);
      const next = newest === null ? null : (JSON.parse(newest) as OutboxMessage);
      if (next === null || next.seq <= message.seq || next.deliverAt <= now()) return;
      await account.call('set_input_status', { user_id: target.params.user_id, event_type: 1 });
    } catch (error) {
      logger.debug({ sessionId, err: toErrorInfo(error) }, 'typing indicator failed');
    }
  }

  return {
    platform: onebotPlatform,
    deliver: (sessionId, message) => send(sessionId, message, 'text', textSegments(message)),
    deliverVoice: (sessionId, message, voice: VoiceClip) =>
      send(sessionId, message, 'voice', [{ type: 'record', data: { file: `base64://${voice.audio.toString('base64')}` } }]),
  };
}
