/**
 * The body of `POST /v1/messages`, validated: a chat, a sender, text and/or images, whether the bot was
 * mentioned, and the platform's message id (used to drop re-deliveries).
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import type { IngestEvent } from '../runtime/ingestor.js';
import { chatIdPattern, sessionIdOf } from '../runtime/session-id.js';

const identifier = z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(chatIdPattern, 'must be 1–128 characters without whitespace, braces or a leading ":"'));

const messageBodySchema = z.object({
  chat: z.object({ type: z.enum(['private', 'group']), id: identifier }),
  sender: z.object({ id: identifier, name: z.string().max(128).optional() }),
  text: z.string().default(''),
  images: z.array(z.object({ url: z.string().min(1).max(4096), sticker: z.boolean().optional() })).max(16).default([]),
  mentionsBot: z.boolean().default(false),
  messageId: identifier.optional(),
  replyTo: identifier.optional(),
  fromSelf: z.boolean().optional(),
});

export interface ParsedMessage {
  sessionId: string;
  event: IngestEvent;
  messageId?: string;
}

/** Validates a parsed JSON body into a session id and an ingest event; throws InvalidInputError naming the field. */
export function parseMessageBody(body: unknown, at: number, platform = 'http'): ParsedMessage {
  const result = messageBodySchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(issue.path.join('.') || 'body', issue.message);
  }
  const data = result.data;
  const sender = data.sender.name === undefined ? { id: data.sender.id } : { id: data.sender.id, name: data.sender.name };
  const event: IngestEvent = {
    type: 'message.received',
    at,
    sender,
    text: data.text,
    images: data.images.map((image) => (image.sticker ? { url: image.url, sticker: true } : { url: image.url })),
    mentionsBot: data.mentionsBot,
    ...(data.messageId === undefined ? {} : { messageId: data.messageId }),
    ...(data.replyTo === undefined ? {} : { replyTo: data.replyTo }),
    ...(data.fromSelf === true ? { fromSelf: true } : {}),
  };
  const sessionId = sessionIdOf({ platform, chatType: data.chat.type, chatId: data.chat.id });
  return data.messageId === undefined ? { sessionId, event } : { sessionId, event, messageId: data.messageId };
}
