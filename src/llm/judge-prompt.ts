/**
 * The judge's messages (seed 001's structure, kizuna's own words): who the bot is, the group's state, the
 * recent messages, the bot's last message, the message under judgement, the five dimensions, the score
 * needed, and the JSON to answer with. After an unreadable answer the judge is reminded, more firmly each
 * time, to answer with the JSON object only. Pure.
 */
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { formatLocalDateTime } from '../../machines/local-time.js';
import { renderGroupMemory, speakerName } from './group-memory.js';
import type { HistoryEntry, JudgeRequest } from './llm-types.js';
import { renderTemplate, type Templates } from './prompt-templates.js';

export interface JudgeMaterial {
  /** The persona, summarised for the judge. */
  persona: string;
  timezone: string;
  now: number;
  /** The group memory before the judged message, oldest first. */
  history: HistoryEntry[];
  /** The bot's last message in the group, if any. */
  lastBotText: string | null;
  captions: Record<string, string>;
  includeReasoning: boolean;
}

const jsonShape = '{"relevance": <0-10>, "willingness": <0-10>, "social": <0-10>, "timing": <0-10>, "continuity": <0-10>}';

/** The messages of a judgement; pure. */
export function buildJudgeMessages(request: JudgeRequest, material: JudgeMaterial, templates: Templates): ChatCompletionMessageParam[] {
  const { group, message } = request;
  const clock = (at: number) => formatLocalDateTime(at, material.timezone);
  const content = renderTemplate(templates.judge, {
    persona: material.persona,
    energy: group.energy.toFixed(2),
    last_join: group.lastJoinAt === null ? 'never' : `${minutesBetween(group.lastJoinAt, request.requestedAt)} min ago`,
    activity_level: group.activityLevel,
    messages_seen: group.messages,
    reply_rate: `${Math.round(group.replyRate * 100)}%`,
    current_time: clock(material.now),
    engagement: engagementOf(group.lastBotAt, group.sinceBot),
    messages: renderGroupMemory(material.history, { timeZone: material.timezone, captions: material.captions, attached: [] }),
    last_bot_message: material.lastBotText ?? '(the bot has not spoken in this group yet)',
    sender: speakerName(message.senderName === undefined ? { id: message.senderId } : { id: message.senderId, name: message.senderName }),
    message_time: clock(message.at).slice(11),
    text: message.text,
    required: group.required.toFixed(2),
    threshold: group.threshold,
    reasoning_field: material.includeReasoning ? ', "reasoning": "<one short sentence>"' : '',
  });
  return [{ role: 'user', content }];
}

/** The reminder sent after the `attempt`-th unreadable answer (1-based), firmer each time; pure. */
export function judgeRetryReminder(attempt: number): string {
  const firmness = attempt <= 1 ? 'Your answer could not be read.' : `Your answer still could not be read (attempt ${attempt + 1}).`;
  return `${firmness} Answer with exactly one JSON object and nothing else — no code fence, no explanation: ${jsonShape}`;
}

/** How the group took the bot's last message (seed 001's "effect of the last reply"); pure. */
export function engagementOf(lastBotAt: number | null, sinceBot: number): string {
  if (lastBotAt === null) return 'the bot has not spoken yet';
  if (sinceBot >= 3) return `a lively discussion followed (${sinceBot} messages since)`;
  if (sinceBot === 0) return 'nobody has followed up yet';
  return `${sinceBot} message(s) since`;
}

function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.round((to - from) / 60_000));
}
