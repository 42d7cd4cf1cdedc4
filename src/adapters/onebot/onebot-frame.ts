/**
 * Reading one WebSocket frame from a OneBot v11 implementation: an event (a private or group message
 * becomes an ingest event for session `onebot:private:<user_id>` / `onebot:group:<group_id>`; meta events,
 * notices and requests are recognised and left alone), the response to one of our actions, or something
 * malformed, with the reason.
 */
import { z } from 'zod';
import type { IngestEvent } from '../../runtime/ingestor.js';
import { sessionIdOf } from '../../runtime/session-id.js';
import { contentOf, segmentsOf } from './onebot-message.js';

export const onebotPlatform = 'onebot';

/** The response envelope of an action. */
export interface ActionResponse {
  status: string;
  retcode: number;
  data: unknown;
  echo?: unknown;
  /** NapCat and Lagrange explain failures in `message` / `wording`. */
  message?: string;
  wording?: string;
}

export interface InboundMessage {
  selfId: string;
  sessionId: string;
  /** The message as an ingest event; `mentionsBot` says only whether it `at`s the bot (a quote of the bot is checked later). */
  event: Extract<IngestEvent, { type: 'message.received' }>;
  messageId: string;
}

export type Frame =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'ignored'; what: string }
  | { kind: 'response'; response: ActionResponse }
  | { kind: 'malformed'; reason: string };

const id = z.union([z.number().int(), z.string().regex(/^-?\d{1,20}$/)]).transform(String);

const messageEventSchema = z.object({
  self_id: id,
  message_type: z.enum(['private', 'group']),
  message_id: id,
  user_id: id,
  group_id: id.nullish(),
  message: z.unknown(),
  // Best effort, as the spec says: implementations leave fields out or send null.
  sender: z.record(z.string(), z.unknown()).nullish(),
});

const responseSchema = z.object({
  status: z.string(),
  retcode: z.number().int(),
  data: z.unknown().optional(),
  echo: z.unknown().optional(),
  message: z.string().optional(),
  wording: z.string().optional(),
});

/** Reads one frame's text; `at` is the receive time the event is stamped with; pure. */
export function readFrame(text: string, at: number): Frame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'malformed', reason: 'not a JSON object' };
  const frame = value as Record<string, unknown>;
  if (typeof frame.post_type === 'string') return readEvent(frame, at);
  const response = responseSchema.safeParse(frame);
  if (response.success) return { kind: 'response', response: withoutUndefined(response.data) };
  return { kind: 'malformed', reason: 'neither an event (post_type) nor an action response (status, retcode)' };
}

function readEvent(frame: Record<string, unknown>, at: number): Frame {
  const postType = frame.post_type as string;
  if (postType !== 'message') return { kind: 'ignored', what: describeOther(postType, frame) };
  const parsed = messageEventSchema.safeParse(frame);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { kind: 'malformed', reason: `message event: ${issue.path.join('.') || 'event'}: ${issue.message}` };
  }
  const event = parsed.data;
  if (event.message_type === 'group' && (event.group_id === undefined || event.group_id === null)) return { kind: 'malformed', reason: 'message event: group_id: required for a group message' };
  if (event.user_id === event.self_id) return { kind: 'ignored', what: 'the bot’s own message' };
  const segments = segmentsOf(event.message);
  if (segments === null) return { kind: 'malformed', reason: 'message event: message: neither a CQ-code string nor segments' };
  const content = contentOf(segments, event.self_id);
  const name = (textOf(event.sender?.card) || textOf(event.sender?.nickname)).slice(0, 128);
  const chatId = event.message_type === 'group' ? event.group_id! : event.user_id;
  const ingest: InboundMessage['event'] = {
    type: 'message.received',
    at,
    sender: name === '' ? { id: event.user_id } : { id: event.user_id, name },
    text: content.text,
    images: content.images,
    mentionsBot: content.atsBot,
    messageId: event.message_id,
    ...(content.replyTo === undefined ? {} : { replyTo: content.replyTo }),
  };
  const sessionId = sessionIdOf({ platform: onebotPlatform, chatType: event.message_type, chatId });
  return { kind: 'message', message: { selfId: event.self_id, sessionId, event: ingest, messageId: event.message_id } };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function describeOther(postType: string, frame: Record<string, unknown>): string {
  const detail = frame.meta_event_type ?? frame.notice_type ?? frame.request_type ?? frame.message_type;
  return typeof detail === 'string' ? `${postType} ${detail}` : postType;
}

function withoutUndefined(response: z.infer<typeof responseSchema>): ActionResponse {
  return Object.fromEntries(Object.entries({ ...response, data: response.data ?? null }).filter(([, value]) => value !== undefined)) as unknown as ActionResponse;
}
