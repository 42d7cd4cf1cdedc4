/**
 * What a OneBot message becomes in kizuna: text with placeholders, images and stickers, mentions of the bot,
 * the quoted message — the same from either message format — and how frames are read into ingest events.
 */
import { describe, expect, it } from 'vitest';
import { contentOf, segmentsOf } from '../../src/adapters/onebot/onebot-message.js';
import { readFrame } from '../../src/adapters/onebot/onebot-frame.js';

const selfId = '10001';

describe('segmentsOf', () => {
  it('reads both formats (and a single segment object) into the same segments', () => {
    const array = [
      { type: 'at', data: { qq: 10001 } },
      { type: 'text', data: { text: ' hi [x]' } },
    ];
    expect(segmentsOf(array)).toEqual([
      { type: 'at', data: { qq: '10001' } },
      { type: 'text', data: { text: ' hi [x]' } },
    ]);
    expect(segmentsOf('[CQ:at,qq=10001] hi &#91;x&#93;')).toEqual(segmentsOf(array));
    expect(segmentsOf({ type: 'text', data: { text: 'one' } })).toEqual([{ type: 'text', data: { text: 'one' } }]);
  });

  it('refuses what is neither', () => {
    expect(segmentsOf(42)).toBeNull();
    expect(segmentsOf(null)).toBeNull();
    expect(segmentsOf([{ data: { text: 'no type' } }])).toBeNull();
  });
});

describe('contentOf', () => {
  it('drops the bot’s @ from the text and marks the mention; other @s stay readable; @all is not a mention', () => {
    const segments = segmentsOf('[CQ:at,qq=10001] [CQ:at,qq=20002,name=Bob] and [CQ:at,qq=all] look')!;
    expect(contentOf(segments, selfId)).toEqual({ text: '@Bob and @all look', images: [], atsBot: true });
    expect(contentOf(segmentsOf('[CQ:at,qq=all] news')!, selfId)).toMatchObject({ atsBot: false, text: '@all news' });
  });

  it('takes the first reply segment as the quoted message and keeps it out of the text', () => {
    expect(contentOf(segmentsOf('[CQ:reply,id=-2147483000][CQ:at,qq=10001] why?')!, selfId)).toEqual({ text: 'why?', images: [], atsBot: true, replyTo: '-2147483000' });
  });

  it('turns images into image references, marking market stickers (mface, NapCat sub_type 1) as stickers', () => {
    const content = contentOf(
      [
        { type: 'image', data: { file: 'a.jpg', url: 'https://q/a.jpg' } },
        { type: 'image', data: { file: 'b.gif', url: 'https://q/b.gif', sub_type: '1' } },
        { type: 'mface', data: { url: 'https://q/m.gif', emoji_id: '1' } },
        { type: 'image', data: { file: 'base64://QUJD' } },
        { type: 'image', data: { file: 'c.jpg' } },
      ],
      selfId,
    );
    expect(content.images).toEqual([
      { url: 'https://q/a.jpg' },
      { url: 'https://q/b.gif', sticker: true },
      { url: 'https://q/m.gif', sticker: true },
      { url: 'base64://QUJD' },
    ]);
    expect(content.text).toBe('[image]');
  });

  it('renders what has no text as readable placeholders, and leaves out markup nobody wrote', () => {
    const segments = segmentsOf(
      '[CQ:face,id=14][CQ:record,file=a.silk][CQ:video,file=v.mp4][CQ:file,name=report.pdf][CQ:share,url=https://e,title=News]' +
        '[CQ:location,lat=1,lon=2,title=Home][CQ:forward,id=9][CQ:poke,type=1,id=1][CQ:dice,result=3][CQ:rps][CQ:node,id=1][CQ:music,type=qq,id=5]',
    )!;
    expect(contentOf(segments, selfId).text).toBe(
      '[face:14][voice message][video][file: report.pdf][link: News][location: Home][forwarded messages][poke][dice: 3][rps][music]',
    );
    const card = JSON.stringify({ app: 'com.tencent.miniapp', prompt: '[QQ小程序]哔哩哔哩' });
    expect(contentOf([{ type: 'json', data: { data: card } }, { type: 'json', data: { data: 'not json' } }], selfId).text).toBe('[card: [QQ小程序]哔哩哔哩][card: json]');
  });
});

describe('readFrame', () => {
  const at = 1_800_000_000_000;

  it('reads a private message event into an ingest event for onebot:private:<user_id>', () => {
    const frame = readFrame(
      JSON.stringify({
        post_type: 'message',
        message_type: 'private',
        self_id: 10001,
        message_id: 55,
        user_id: 20001,
        message: [{ type: 'text', data: { text: '  hello  ' } }],
        sender: { nickname: 'Alice' },
      }),
      at,
    );
    expect(frame).toEqual({
      kind: 'message',
      message: {
        selfId: '10001',
        sessionId: 'onebot:private:20001',
        messageId: '55',
        event: { type: 'message.received', at, sender: { id: '20001', name: 'Alice' }, text: 'hello', images: [], mentionsBot: false, messageId: '55' },
      },
    });
  });

  it('reads a group message for onebot:group:<group_id>, the sender named by card before nickname', () => {
    const base = { post_type: 'message', message_type: 'group', self_id: '10001', message_id: '7', group_id: 30001, user_id: 20002, message: '[CQ:reply,id=6]ok' };
    const named = readFrame(JSON.stringify({ ...base, sender: { card: 'Bobby', nickname: 'bob' } }), at);
    expect(named).toMatchObject({ kind: 'message', message: { sessionId: 'onebot:group:30001', event: { sender: { id: '20002', name: 'Bobby' }, replyTo: '6', text: 'ok' } } });
    const nickname = readFrame(JSON.stringify({ ...base, sender: { card: '', nickname: 'bob' } }), at);
    expect(nickname).toMatchObject({ message: { event: { sender: { name: 'bob' } } } });
    const anonymous = readFrame(JSON.stringify(base), at);
    expect(anonymous).toMatchObject({ message: { event: { sender: { id: '20002' } } } });
    expect((anonymous as { message: { event: { sender: object } } }).message.event.sender).toEqual({ id: '20002' });
  });

  it('tolerates the best-effort fields implementations leave null or give other types', () => {
    const frame = readFrame(
      JSON.stringify({ post_type: 'message', message_type: 'private', self_id: 10001, message_id: 8, user_id: 20001, group_id: null, message: 'hi', sender: { card: null, nickname: 5 } }),
      at,
    );
    expect(frame).toMatchObject({ kind: 'message', message: { event: { sender: { id: '20001' }, text: 'hi' } } });
    expect(readFrame(JSON.stringify({ post_type: 'message', message_type: 'private', self_id: 10001, message_id: 9, user_id: 20001, message: 'x', sender: null }), at)).toMatchObject({ kind: 'message' });
  });

  it('recognises meta events, notices, requests, sent-message echoes and the bot’s own messages, and ignores them', () => {
    const ignored = (event: object) => readFrame(JSON.stringify({ self_id: 10001, ...event }), at);
    expect(ignored({ post_type: 'meta_event', meta_event_type: 'heartbeat' })).toEqual({ kind: 'ignored', what: 'meta_event heartbeat' });
    expect(ignored({ post_type: 'notice', notice_type: 'group_recall' })).toEqual({ kind: 'ignored', what: 'notice group_recall' });
    expect(ignored({ post_type: 'request', request_type: 'friend' })).toEqual({ kind: 'ignored', what: 'request friend' });
    expect(ignored({ post_type: 'message_sent', message_type: 'private' })).toEqual({ kind: 'ignored', what: 'message_sent private' });
    expect(ignored({ post_type: 'message', message_type: 'private', message_id: 1, user_id: 10001, message: 'me' })).toMatchObject({ kind: 'ignored' });
  });

  it('reads action responses, with or without an echo', () => {
    expect(readFrame('{"status":"ok","retcode":0,"data":{"message_id":9},"echo":"e1"}', at)).toEqual({
      kind: 'response',
      response: { status: 'ok', retcode: 0, data: { message_id: 9 }, echo: 'e1' },
    });
    expect(readFrame('{"status":"failed","retcode":1400,"message":"bad","wording":"bad"}', at)).toMatchObject({ kind: 'response', response: { retcode: 1400, data: null } });
  });

  it('names what is wrong with a malformed frame', () => {
    expect(readFrame('{oops', at)).toEqual({ kind: 'malformed', reason: 'not JSON' });
    expect(readFrame('"text"', at)).toEqual({ kind: 'malformed', reason: 'not a JSON object' });
    expect(readFrame('{"hello":1}', at)).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('neither an event') });
    const message = { post_type: 'message', message_type: 'private', self_id: 10001, message_id: 1, user_id: 2, message: 'x' };
    expect(readFrame(JSON.stringify({ ...message, user_id: 'alice' }), at)).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('user_id') });
    expect(readFrame(JSON.stringify({ ...message, message_type: 'group' }), at)).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('group_id') });
    expect(readFrame(JSON.stringify({ ...message, message_type: 'guild' }), at)).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('message_type') });
    expect(readFrame(JSON.stringify({ ...message, message: 42 }), at)).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('message') });
  });
});
