import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { parseMessageBody } from '../../src/http/message-body.js';
import { parseSessionId, sessionIdOf } from '../../src/runtime/session-id.js';

describe('parseMessageBody', () => {
  it('builds the session id and a message event with defaults', () => {
    const parsed = parseMessageBody({ chat: { type: 'group', id: 12345 }, sender: { id: 42, name: 'Ann' }, text: 'hi' }, 7);
    expect(parsed).toEqual({
      sessionId: 'http:group:12345',
      event: { type: 'message.received', at: 7, sender: { id: '42', name: 'Ann' }, text: 'hi', images: [], mentionsBot: false },
    });
  });

  it('keeps images, the mention flag and the platform message id', () => {
    const parsed = parseMessageBody(
      { chat: { type: 'private', id: 'a' }, sender: { id: 'a' }, images: [{ url: 'https://x/y.png' }], mentionsBot: true, messageId: 'm9', replyTo: 'm3' },
      1,
    );
    expect(parsed.messageId).toBe('m9');
    expect(parsed.event).toMatchObject({ images: [{ url: 'https://x/y.png' }], mentionsBot: true, messageId: 'm9', replyTo: 'm3', text: '' });
  });

  it('marks a message sent from the bot\'s own account (fromSelf), and refuses a fromSelf that is not a boolean', () => {
    const parsed = parseMessageBody({ chat: { type: 'group', id: 'g' }, sender: { id: 'bot' }, text: 'hi', fromSelf: true }, 1);
    expect(parsed.event).toMatchObject({ fromSelf: true });
    expect(parseMessageBody({ chat: { type: 'group', id: 'g' }, sender: { id: 'a' }, text: 'hi', fromSelf: false }, 1).event).not.toHaveProperty('fromSelf');
    expect(() => parseMessageBody({ chat: { type: 'group', id: 'g' }, sender: { id: 'a' }, fromSelf: 'yes' }, 1)).toThrow(/fromSelf/);
  });

  it.each([
    [null, 'body'],
    [[], 'body'],
    [{ chat: { type: 'private' }, sender: { id: 'a' } }, 'chat.id'],
    [{ chat: { type: 'private', id: '{tag}' }, sender: { id: 'a' } }, 'chat.id'],
    [{ chat: { type: 'private', id: 'a' }, sender: { id: '' } }, 'sender.id'],
    [{ chat: { type: 'private', id: 'a' }, sender: { id: 'a' }, images: 'x' }, 'images'],
    [{ chat: { type: 'private', id: 'a' }, sender: { id: 'a' }, images: Array.from({ length: 17 }, () => ({ url: 'u' })) }, 'images'],
  ])('rejects %j naming %s', (body, field) => {
    try {
      parseMessageBody(body, 0);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe(field);
    }
  });
});

describe('session ids', () => {
  it('round-trip and refuse ids that would break the key hash tag', () => {
    expect(parseSessionId(sessionIdOf({ platform: 'onebot', chatType: 'group', chatId: '123' }))).toEqual({
      platform: 'onebot',
      chatType: 'group',
      chatId: '123',
    });
    expect(parseSessionId('http:private:a{b}')).toBeNull();
    expect(parseSessionId('http:channel:a')).toBeNull();
    expect(parseSessionId('http:private:')).toBeNull();
  });
});
