/**
 * Builds the chat messages of each request from the templates: the system prompt (persona, tools, time),
 * then one user message holding the narrative and what this request is about — new user text (cut with a
 * marker when very long) with its images, a timeout, a proactive motivation, a booked wake-up — or, for
 * side requests, the inner-thought and reminder prompts. Pure.
 */
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { ImageRef } from '../../machines/session-types.js';
import type { PromptMaterial, TextRequest, TurnRequest } from './llm-types.js';
import { renderGroupMemory, speakerName } from './group-memory.js';
import { cutForModel, renderNarrative } from './narrative.js';
import { renderTemplate, type Templates } from './prompt-templates.js';

export interface PromptOptions {
  templates: Templates;
  chatType: 'private' | 'group';
  maxInputChars: number;
  maxImages: number;
}

/** The messages of a conversation turn; pure. */
export function buildTurnMessages(request: TurnRequest, material: PromptMaterial, options: PromptOptions): ChatCompletionMessageParam[] {
  const currentTime = formatLocalDateTime(material.now, material.timezone);
  const system = renderTemplate(options.templates.system, {
    persona: material.persona,
    chat_type: options.chatType,
    current_time: currentTime,
    timezone: material.timezone,
  });
  if (request.group !== undefined) return buildGroupTurnMessages(system, request, material, options, currentTime);
  const narrative = withMemos(renderNarrative(material.history, material.mentalLog, material.timezone), request.memos);
  const text = turnText(request, material, options, narrative, currentTime);
  return [
    { role: 'system', content: system },
    { role: 'user', content: withImages(text, selectImages(request.images, material, options.maxImages)) },
  ];
}

/**
 * A group turn: group memory instead of the private narrative, the new message with its author, the note
 * that the bot joins on its own when the judge brought it in, and only the images the image policy chose.
 */
function buildGroupTurnMessages(
  system: string,
  request: TurnRequest,
  material: PromptMaterial,
  options: PromptOptions,
  currentTime: string,
): ChatCompletionMessageParam[] {
  const group = request.group!;
  const memory = renderGroupMemory(material.history, {
    timeZone: material.timezone,
    captions: material.captions ?? {},
    attached: request.images.flatMap((image) => (image.hash === undefined ? [] : [image.hash])),
  });
  const narrative = withMemos(`[group chat so far]\n${memory}`, request.memos);
  const speaker = speakerName(group.from ?? undefined);
  let text: string;
  if (request.purpose === 'reply') {
    // Without one `from`, the text names each member who spoke (`llmRequestOf`).
    const message = newMessageText(request, options.maxInputChars);
    text = renderTemplate(options.templates['turn-reply'], { narrative, text: group.from === null ? message : `${speaker}: ${message}` });
    if (group.joined) text = `${text}\n\n${renderTemplate(options.templates['join-note'], { sender: speaker })}`;
  } else if (request.purpose === 'proactive' && material.proactivePrompt === undefined && group.periodSeconds !== undefined) {
    const values = { narrative, current_time: currentTime, unanswered_count: request.unanswered, period: formatPeriod(group.periodSeconds) };
    text = renderTemplate(options.templates['turn-group-periodic'], values);
  } else if (request.purpose === 'proactive' && material.proactivePrompt === undefined) {
    text = renderTemplate(options.templates['turn-group-proactive'], { narrative, current_time: currentTime, unanswered_count: request.unanswered });
  } else {
    text = turnText(request, material, options, narrative, currentTime);
  }
  return [
    { role: 'system', content: system },
    { role: 'user', content: withImages(text, request.images.slice(0, Math.max(0, options.maxImages))) },
  ];
}

function turnText(request: TurnRequest, material: PromptMaterial, options: PromptOptions, narrative: string, currentTime: string): string {
  const { templates } = options;
  switch (request.purpose) {
    case 'reply':
      return renderTemplate(templates['turn-reply'], { narrative, text: newMessageText(request, options.maxInputChars) });
    case 'followup':
      return renderTemplate(templates['turn-followup'], followupValues(request, material, narrative));
    case 'proactive': {
      const values = { narrative, current_time: currentTime, unanswered_count: request.unanswered };
      if (material.proactivePrompt === undefined) return renderTemplate(templates['turn-proactive'], values);
      return `${narrative}\n\n${renderTemplate(material.proactivePrompt, values)}`;
    }
    case 'wakeup':
      return renderTemplate(templates['turn-wakeup'], { narrative, current_time: currentTime, reason: request.wakeupReason ?? '(no reason given)' });
  }
}

function withMemos(narrative: string, memos: TurnRequest['memos']): string {
  if (memos.length === 0) return narrative;
  return `${narrative}\n\n[your memos]\n${memos.map((memo) => `#${memo.id} ${memo.text}`).join('\n')}`;
}

function newMessageText(request: TurnRequest, maxInputChars: number): string {
  const stickers = request.images.filter((image) => image.sticker).length;
  const pictures = request.images.length - stickers;
  const attachments = [pictures > 0 ? `[${pictures} image${pictures > 1 ? 's' : ''}]` : '', stickers > 0 ? `[${stickers} sticker${stickers > 1 ? 's' : ''}]` : '']
    .filter(Boolean)
    .join(' ');
  const text = cutForModel(request.text, maxInputChars);
  return [text, attachments].filter(Boolean).join(' ') || '(nothing)';
}

function followupValues(request: TurnRequest, material: PromptMaterial, narrative: string): Record<string, string | number> {
  const wait = request.wait;
  const thoughts = material.mentalLog.filter((entry) => entry.kind === 'waiting_thought' && wait !== null && entry.at >= wait.startedAt);
  return {
    narrative,
    last_bot_message: wait?.lastBotText ?? '(nothing)',
    elapsed: wait === null ? 'a while' : formatDuration(request.requestedAt - wait.startedAt),
    expected_reaction: wait?.expectedReaction ?? 'an answer',
    timeout_count: request.consecutiveTimeouts,
    escalation: escalationOf(request.consecutiveTimeouts),
    thoughts: thoughts.length === 0 ? '(none)' : thoughts.map((entry) => `- ${entry.text}`).join('\n'),
  };
}

/** How strongly a follow-up should lean towards letting the conversation rest; pure. */
export function escalationOf(timeouts: number): string {
  if (timeouts <= 1) return 'This is the first time they went quiet; a gentle follow-up is fine.';
  if (timeouts === 2) return 'You already followed up once; try at most once more, then prefer letting it rest.';
  return 'You have followed up several times; strongly prefer do_nothing with max_wait_seconds 0.';
}

/** The messages of a side request (an inner thought or a reminder's wording); pure. */
export function buildTextMessages(request: TextRequest, material: PromptMaterial, options: PromptOptions): ChatCompletionMessageParam[] {
  const currentTime = formatLocalDateTime(material.now, material.timezone);
  if (request.purpose === 'reminder') {
    const content = renderTemplate(options.templates.reminder, { persona: material.persona, reminder: request.reminderText ?? '', current_time: currentTime });
    return [{ role: 'user', content }];
  }
  const progress = request.progress ?? 0;
  const content = renderTemplate(options.templates.thinking, {
    persona: material.persona,
    last_bot_message: request.wait?.lastBotText ?? '(nothing)',
    expected_reaction: request.wait?.expectedReaction ?? 'an answer',
    waited: request.wait === null ? 'some time' : formatDuration(progress * request.wait.seconds * 1000),
    progress: Math.round(progress * 100),
    mood_arc: moodArcOf(progress),
  });
  return [{ role: 'user', content }];
}

function moodArcOf(progress: number): string {
  if (progress < 0.4) return 'you are calm and a little hopeful';
  if (progress < 0.7) return 'you are starting to care whether they saw it';
  return 'you are getting anxious and wonder whether to do something else';
}

/** A period in words, in the largest whole unit: "day", "2 hours", "90 minutes", "45 seconds"; pure. */
export function formatPeriod(seconds: number): string {
  const units: Array<[string, number]> = [['day', 86_400], ['hour', 3600], ['minute', 60]];
  const [unit, size] = units.find(([, length]) => seconds >= length && seconds % length === 0) ?? ['second', 1];
  const count = Math.round(seconds / size);
  return count === 1 ? unit : `${count} ${unit}s`;
}

/** A duration as "45 s" or "3 min"; pure. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

function selectImages(current: readonly ImageRef[], material: PromptMaterial, limit: number): ImageRef[] {
  const fromHistory = material.history.flatMap((entry) => entry.images ?? []).reverse();
  return [...current, ...fromHistory].slice(0, limit);
}

function withImages(text: string, images: readonly ImageRef[]): string | ChatCompletionContentPart[] {
  if (images.length === 0) return text;
  return [{ type: 'text', text }, ...images.map((image): ChatCompletionContentPart => ({ type: 'image_url', image_url: { url: image.url } }))];
}
