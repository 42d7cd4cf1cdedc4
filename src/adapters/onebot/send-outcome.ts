/**
 * What the response to a `send_*_msg` action says happened. OneBot v11 defines `retcode` 0 (ok) and 1
 * (async, accepted); WebSocket implementations mirror HTTP failures as 1400 (bad request), 1401/1403
 * (token), 1404 (unknown action). NapCat, LLOneBot and Lagrange answer 1200 when the handler threw while
 * sending — QQ's own send timeout among them ("风控"), after which the message may well have gone out.
 */
import type { ActionResponse } from './onebot-frame.js';

export type SendOutcome =
  | { kind: 'sent'; messageId: string | null }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unconfirmed'; reason: string };

/** Retcodes after which the message may or may not have been sent. */
export const unconfirmedRetcodes: ReadonlySet<number> = new Set([1200]);

/** Classifies a send action's response; pure. */
export function sendOutcomeOf(response: ActionResponse): SendOutcome {
  if (response.retcode === 0 && response.status === 'ok') return { kind: 'sent', messageId: messageIdOf(response.data) };
  if (response.retcode === 1 || response.status === 'async') return { kind: 'sent', messageId: null };
  const explanation = response.wording || response.message;
  const reason = `retcode ${response.retcode}${explanation ? `: ${explanation.slice(0, 300)}` : ''}`;
  return unconfirmedRetcodes.has(response.retcode) ? { kind: 'unconfirmed', reason } : { kind: 'rejected', reason };
}

function messageIdOf(data: unknown): string | null {
  const id = data !== null && typeof data === 'object' ? (data as { message_id?: unknown }).message_id : undefined;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : null;
}
