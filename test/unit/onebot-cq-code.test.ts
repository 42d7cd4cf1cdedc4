/**
 * The CQ-code string format: escaping in text and in values, parsing codes between text, round trips, and
 * text that only looks like a code.
 */
import { describe, expect, it } from 'vitest';
import { escapeCq, formatCqMessage, parseCqMessage, type Segment, unescapeCq } from '../../src/adapters/onebot/cq-code.js';

describe('CQ-code escaping', () => {
  it('escapes & [ ] in text, and also , in values', () => {
    expect(escapeCq('a&b [c], d')).toBe('a&amp;b &#91;c&#93;, d');
    expect(escapeCq('a&b [c], d', true)).toBe('a&amp;b &#91;c&#93;&#44; d');
  });

  it('unescapes every escape, and keeps an escaped escape literal', () => {
    expect(unescapeCq('a&amp;b &#91;c&#93;&#44; d')).toBe('a&b [c], d');
    expect(unescapeCq('&amp;#91;')).toBe('&#91;');
  });
});

describe('parseCqMessage', () => {
  it('splits text and codes, unescaping both', () => {
    expect(parseCqMessage('[CQ:at,qq=10001] hi &#91;there&#93; [CQ:image,file=a.jpg,url=https://x/y?a=1&amp;b=2]!')).toEqual([
      { type: 'at', data: { qq: '10001' } },
      { type: 'text', data: { text: ' hi [there] ' } },
      { type: 'image', data: { file: 'a.jpg', url: 'https://x/y?a=1&b=2' } },
      { type: 'text', data: { text: '!' } },
    ]);
  });

  it('reads values with "=" and escaped commas, codes without parameters, and empty values', () => {
    expect(parseCqMessage('[CQ:record,file=base64://QUJD==][CQ:shake][CQ:share,url=u,title=a&#44;b,content=]')).toEqual([
      { type: 'record', data: { file: 'base64://QUJD==' } },
      { type: 'shake', data: {} },
      { type: 'share', data: { url: 'u', title: 'a,b', content: '' } },
    ]);
  });

  it('keeps what only looks like a code as text', () => {
    expect(parseCqMessage('[CQ:at,qq=1 and [not a code] [CQ:]')).toEqual([{ type: 'text', data: { text: '[CQ:at,qq=1 and [not a code] [CQ:]' } }]);
    expect(parseCqMessage('')).toEqual([]);
  });

  it('round-trips through formatCqMessage', () => {
    const segments: Segment[] = [
      { type: 'reply', data: { id: '-12345' } },
      { type: 'text', data: { text: 'a [b] & c, d' } },
      { type: 'face', data: { id: '14' } },
      { type: 'share', data: { url: 'https://e/?x=1,2', title: '[title]' } },
    ];
    const text = formatCqMessage(segments);
    expect(text).toBe('[CQ:reply,id=-12345]a &#91;b&#93; &amp; c, d[CQ:face,id=14][CQ:share,url=https://e/?x=1&#44;2,title=&#91;title&#93;]');
    expect(parseCqMessage(text)).toEqual(segments);
  });
});
