/**
 * Reading a JSON object out of a model's free-text answer: bare, inside a ```json fence, or embedded in
 * prose. Models asked for "one JSON object and nothing else" still wrap it; judges must not fail on that.
 * Pure.
 */

/** The first JSON object found in `text` (fenced, bare or embedded), or null when there is none; pure. */
export function extractJsonObject(text: string): Record<string, unknown> | null {
  for (const object of jsonObjectsIn(text)) return object;
  return null;
}

/**
 * Every JSON object `text` offers, in the order a reader would trust them: the whole answer, each fenced
 * block, then each balanced `{…}` span of the prose (for callers that need the first object of a given
 * shape, like a judge's scores after an example object); pure.
 */
export function* jsonObjectsIn(text: string): Generator<Record<string, unknown>> {
  const whole = parseObject(text.trim());
  if (whole !== null) yield whole;
  for (const match of text.matchAll(/```(?:json|JSON)?\s*([\s\S]*?)```/gu)) {
    const fenced = match[1] ?? '';
    const parsed = parseObject(fenced.trim());
    if (parsed !== null) yield parsed;
    else yield* embeddedObjects(fenced);
  }
  yield* embeddedObjects(text);
}

/** Reads a boolean the way models write them: true/false, "true"/"yes"/"1", 1/0; null otherwise; pure. */
export function looseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'y'].includes(word)) return true;
  if (['false', 'no', '0', 'n'].includes(word)) return false;
  return null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Scans for balanced `{…}` spans (strings respected) and yields each that parses as an object. */
function* embeddedObjects(text: string): Generator<Record<string, unknown>> {
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let index = start; index < text.length; index += 1) {
      const character = text[index];
      if (inString) {
        if (character === '\\') index += 1;
        else if (character === '"') inString = false;
      } else if (character === '"') inString = true;
      else if (character === '{') depth += 1;
      else if (character === '}' && --depth === 0) {
        const parsed = parseObject(text.slice(start, index + 1));
        if (parsed !== null) {
          yield parsed;
          start = index;
        }
        break;
      }
    }
  }
}
