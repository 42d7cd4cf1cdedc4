/**
 * Canonical JSON: object keys sorted and undefined members left out, so equal values always serialise
 * identically whatever order their keys were built in (snapshot digests and replay comparisons rely on it).
 */

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
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item, known)}`;
  }
  return `{${out}}`;
}
