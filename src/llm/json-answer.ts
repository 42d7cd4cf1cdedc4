/**
 * Reading a JSON object out of a model's free-text answer: bare, inside a ```json fence, or embedded in
 * prose. Models asked for "one JSON object and nothing else" still wrap it; judges must not fail on that.
 * Pure.
 */

/** The first JSON object found in `text` (fenced, bare or embedded), or null when there is none; pure. */
export function extractJsonObject(text: string): Record<string, unknown> | null {
  const fenced = /```(?:json|JSON)?\s*([\s\S]*?)```/u.exec(text);
  for (const candidate of [fenced?.[1], text]) {
    if (candidate === undefined) continue;
    const parsed = parseObject(candidate.trim()) ?? firstEmbeddedObject(candidate);
    if (parsed !== null) return parsed;
  }
  return null;
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

/** Scans for balanced `{…}` spans (strings respected) and returns the first that parses as an object. */
function firstEmbeddedObject(text: string): Record<string, unknown> | null {
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
        if (parsed !== null) return parsed;
        break;
      }
    }
  }
  return null;
}
