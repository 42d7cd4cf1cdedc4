/**
 * The OneBot v11 string message format ("CQ codes"): plain text with `[CQ:type,key=value,…]` codes. In text
 * `&`, `[` and `]` are escaped as `&amp;`, `&#91;`, `&#93;`; inside a code's values `,` is also escaped as
 * `&#44;`. Parsing gives the same segments the array format carries, so one mapping serves both.
 */

/** One message segment, as the array format carries it: every data value a string. */
export interface Segment {
  type: string;
  data: Record<string, string>;
}

const codePattern = /\[CQ:([A-Za-z0-9_.-]+)((?:,[^,=[\]]+=[^,[\]]*)*),?\]/g;

/** Escapes text for the string format (`&`, `[`, `]`); `inValue` also escapes `,`; pure. */
export function escapeCq(text: string, inValue = false): string {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('[', '&#91;').replaceAll(']', '&#93;');
  return inValue ? escaped.replaceAll(',', '&#44;') : escaped;
}

/** Reverses `escapeCq` (`&amp;` last, so `&amp;#91;` stays the literal text `&#91;`); pure. */
export function unescapeCq(text: string): string {
  return text.replaceAll('&#44;', ',').replaceAll('&#91;', '[').replaceAll('&#93;', ']').replaceAll('&amp;', '&');
}

/** Parses a string-format message into segments; text that only looks like a broken code stays text; pure. */
export function parseCqMessage(message: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of message.matchAll(codePattern)) {
    pushText(segments, message.slice(last, match.index));
    segments.push({ type: match[1]!, data: parseParameters(match[2] ?? '') });
    last = match.index + match[0].length;
  }
  pushText(segments, message.slice(last));
  return segments;
}

/** Formats segments as a string-format message; pure. */
export function formatCqMessage(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      if (segment.type === 'text') return escapeCq(segment.data.text ?? '');
      const parameters = Object.entries(segment.data).map(([key, value]) => `,${key}=${escapeCq(value, true)}`);
      return `[CQ:${segment.type}${parameters.join('')}]`;
    })
    .join('');
}

function pushText(segments: Segment[], raw: string): void {
  if (raw.length > 0) segments.push({ type: 'text', data: { text: unescapeCq(raw) } });
}

function parseParameters(raw: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    data[pair.slice(0, at)] = unescapeCq(pair.slice(at + 1));
  }
  return data;
}
