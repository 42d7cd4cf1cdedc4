/**
 * Reads a judge model's answer: the JSON object with the five scores, whether the model sent it bare, inside
 * a code fence, or amid prose (seed 001: raw parse → fenced block → first `{…}` block). Scores may be numbers
 * or numeric strings; anything else makes the answer unreadable. Pure.
 */
import { judgeDimensions, type JudgeScores } from '../../machines/group-types.js';
import { jsonObjectsIn } from './json-answer.js';
import type { JudgeVerdict } from './llm-types.js';

/** The verdict in a judge answer, or null when the answer holds no readable scores; pure. */
export function parseJudgeOutput(text: string): JudgeVerdict | null {
  for (const candidate of jsonObjectsIn(text)) {
    const verdict = verdictOf(candidate);
    if (verdict !== null) return verdict;
  }
  return null;
}

function verdictOf(record: Record<string, unknown>): JudgeVerdict | null {
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
