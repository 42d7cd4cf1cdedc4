/**
 * Reads a judge model's answer: the JSON object with the five scores, whether the model sent it bare, inside
 * a code fence, or amid prose (seed 001: raw parse → fenced block → first `{…}` block). Scores may be numbers
 * or numeric strings; anything else makes the answer unreadable. Pure.
 */
import { judgeDimensions, type JudgeScores } from '../../machines/group-types.js';
import type { JudgeVerdict } from './llm-types.js';

/** The verdict in a judge answer, or null when the answer holds no readable scores; pure. */
export function parseJudgeOutput(text: string): JudgeVerdict | null {
  for (const candidate of candidatesOf(text)) {
    const verdict = verdictOf(candidate);
    if (verdict !== null) return verdict;
  }
  return null;
}

function candidatesOf(text: string): string[] {
  const candidates = [text.trim()];
  for (const match of text.matchAll(/```(?:json|JSON)?\s*([\s\S]*?)```/g)) candidates.push((match[1] ?? '').trim());
  const block = firstObject(text);
  if (block !== null) candidates.push(block);
  return candidates;
}

/** The first balanced `{…}` block of a text (strings and escapes respected), or null; pure. */
export function firstObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{') depth += 1;
    else if (character === '}' && --depth === 0) return text.slice(start, index + 1);
  }
  return null;
}

function verdictOf(candidate: string): JudgeVerdict | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(candidate);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  const source = typeof record['scores'] === 'object' && record['scores'] !== null ? (record['scores'] as Record<string, unknown>) : record;
  const scores = {} as JudgeScores;
  for (const key of judgeDimensions) {
    const value = numberOf(source[key]);
    if (value === null) return null;
    scores[key] = Math.min(10, Math.max(0, value));
  }
  const reasoning = record['reasoning'];
  return typeof reasoning === 'string' && reasoning.trim().length > 0 ? { scores, reasoning: reasoning.trim().slice(0, 500) } : { scores };
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}
