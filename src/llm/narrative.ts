/**
 * The narrative a model reads: the conversation history and the mental log fused into one time-ordered
 * account (seed 002's "fused narrative"), with clock times in the session's time zone.
 */
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { HistoryEntry, MentalEntry } from './llm-types.js';

const mentalLabels: Record<string, string> = {
  plan: 'your plan',
  waiting_thought: 'your thought while waiting',
  timeout: 'no answer',
  reply_in_time: 'they answered',
  reply_late: 'they answered late',
  proactive: 'you reached out',
  reminder_set: 'reminder set',
  wakeup_booked: 'wake-up booked',
};

/** Renders history and mental log as time-ordered lines; pure. */
export function renderNarrative(history: readonly HistoryEntry[], mental: readonly MentalEntry[], timeZone: string): string {
  const lines = [
    ...history.map((entry) => ({ at: entry.at, order: 0, text: `${entry.role === 'user' ? 'They said' : 'You said'}: ${entry.text}${attachmentNote(entry)}` })),
    ...mental.map((entry) => ({ at: entry.at, order: 1, text: `(${mentalLabels[entry.kind] ?? entry.kind}: ${entry.text})` })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  if (lines.length === 0) return '[conversation so far]\n(nothing yet)';
  const clock = (at: number) => formatLocalDateTime(at, timeZone).slice(11);
  return `[conversation so far]\n${lines.map((line) => `[${clock(line.at)}] ${line.text}`).join('\n')}`;
}

function attachmentNote(entry: HistoryEntry): string {
  const images = entry.images ?? [];
  if (images.length === 0) return '';
  return images.map((image) => (image.sticker ? ' [sticker]' : ' [image]')).join('');
}

/** Cuts a long text for the model, keeping its start and marking the cut; pure. */
export function cutForModel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n[… ${text.length - maxChars} more characters cut …]`;
}
