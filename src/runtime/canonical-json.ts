/**
 * Canonical JSON: object keys sorted and undefined members left out, so equal values always serialise
 * identically whatever order their keys were built in (snapshot digests and replay comparisons rely on it).
 */

/** `"key":` for keys seen before (a snapshot has a few dozen distinct keys); bounded. */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * Renders `value` canonically; `known` may supply the rendering of objects it already knows (immutable
 * shared parts), which must be exactly what this function would produce; pure.
 */
export function canonicalJson(value: unknown, known?: (value: object) => string | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const rendered = known?.(value);
  if (rendered !== undefined) return rendered;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++) out += (index === 0 ? '' : ',') + canonicalJson(value[index], known);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Often already in order (small records built in one place): sorting is skipped then.
  for (let index = 1; index < keys.length; index++) {
    if (keys[index - 1]! > keys[index]!) {
      keys.sort();
      break;
    }
  }
  let out = '';
  for (const key of keys) {
    const item = record[key];
    if (item !== undefined) out += (out === '' ? '' : ',') + quotedKey(key) + canonicalJson(item, known);
  }
  return `{${out}}`;
}
