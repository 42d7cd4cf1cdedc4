/**
 * The optional LLM confirmation of an old-news reminder (`memoryReboot.llmConfirm`): the judge model reads
 * the earlier copy with the conversation around it, the latest messages and the new one, and answers
 * `{should_remind, reason}`. It fails closed: a missing model, an error or an unreadable answer means no
 * reminder — and the operator is told (the seed silently never reminded when the judge was misconfigured).
 */
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { ChatModel } from '../llm/chat-model.js';
import { extractJsonObject, looseBoolean } from '../llm/json-answer.js';
import { renderTemplate } from '../llm/prompt-templates.js';

/** One message as the judge reads it. */
export interface ContextLine {
  at: number;
  sender: string;
  text: string;
}

export interface JudgeInput {
  matched: ContextLine;
  similarity: number;
  matchedContext: readonly ContextLine[];
  recentContext: readonly ContextLine[];
  current: ContextLine;
  uniqueSenders: number;
  minSenders: number;
  timezone: string;
}

export interface JudgeVerdict {
  remind: boolean;
  reason: string;
}

const maxContentChars = 300;
const maxLineChars = 200;

/** "45 s", "12 min", "3 h", "2 days"; pure. */
export function describeAgo(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  const days = Math.round(seconds / 86_400);
  return days === 1 ? '1 day' : `${days} days`;
}

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/** The judge's prompt from its template; pure. */
export function judgePrompt(template: string, input: JudgeInput): string {
  const line = (entry: ContextLine) => `${formatLocalDateTime(entry.at, input.timezone)} | ${entry.sender}: ${clip(entry.text.replace(/\s+/g, ' '), maxLineChars)}`;
  const block = (lines: readonly ContextLine[]) => (lines.length === 0 ? '(none)' : lines.map(line).join('\n'));
  return renderTemplate(template, {
    matched_ago: describeAgo(input.current.at - input.matched.at),
    matched_time: formatLocalDateTime(input.matched.at, input.timezone),
    matched_sender: input.matched.sender,
    similarity: input.similarity.toFixed(3),
    unique_senders: input.uniqueSenders,
    min_senders: input.minSenders,
    matched_content: clip(input.matched.text, maxContentChars),
    matched_context: block(input.matchedContext),
    recent_context: block(input.recentContext),
    sender: input.current.sender,
    current_time: formatLocalDateTime(input.current.at, input.timezone),
    content: clip(input.current.text, maxContentChars * 2),
  });
}

/** Reads `{should_remind, reason}` from the judge's answer (fenced or in prose), or null when it has none; pure. */
export function parseJudgeAnswer(text: string): JudgeVerdict | null {
  const object = extractJsonObject(text);
  const remind = object === null ? null : looseBoolean(object['should_remind'] ?? object['shouldRemind']);
  if (remind !== null) return { remind, reason: typeof object?.['reason'] === 'string' ? object['reason'] : '' };
  // The seed's last resort: the key and a boolean written out in otherwise broken JSON.
  const loose = /["']?should_remind["']?\s*[:=]\s*["']?(true|false)\b/iu.exec(text);
  return loose === null ? null : { remind: loose[1]!.toLowerCase() === 'true', reason: '' };
}

export interface RebootJudgeOptions {
  /** The chat model and the judge model's name, or why there is none. */
  model: { chat: ChatModel; name: string } | { problem: string };
  template: string;
  timeoutMs: number;
  warn: (message: string, details?: Record<string, unknown>) => void;
}

/** Asks the judge model; every failure is a "no" with a warning. */
export class RebootJudge {
  readonly #options: RebootJudgeOptions;
  #warnedMisconfigured = false;

  constructor(options: RebootJudgeOptions) {
    this.#options = options;
  }

  /** The judge model's name, or why it cannot run. */
  get description(): { model: string } | { problem: string } {
    const model = this.#options.model;
    return 'problem' in model ? { problem: model.problem } : { model: model.name };
  }

  /** The judge's verdict on a reminder; never throws. Performs I/O. */
  async confirm(input: JudgeInput): Promise<JudgeVerdict> {
    const model = this.#options.model;
    if ('problem' in model) {
      if (!this.#warnedMisconfigured) this.#options.warn(`memoryReboot.llmConfirm is on but ${model.problem}: no old-news reminders are sent`);
      this.#warnedMisconfigured = true;
      return { remind: false, reason: model.problem };
    }
    try {
      const answer = await model.chat.complete(
        { model: model.name, messages: [{ role: 'user', content: judgePrompt(this.#options.template, input) }], maxTokens: 300, temperature: 0 },
        { timeoutMs: this.#options.timeoutMs },
      );
      const verdict = parseJudgeAnswer(answer.text ?? '');
      if (verdict !== null) return verdict;
      this.#options.warn('the memory-reboot judge answered without a readable verdict: no reminder', { text: (answer.text ?? '').slice(0, 200) });
      return { remind: false, reason: 'unreadable judge answer' };
    } catch (error) {
      this.#options.warn('the memory-reboot judge failed: no reminder', { err: error });
      return { remind: false, reason: 'judge failed' };
    }
  }
}
