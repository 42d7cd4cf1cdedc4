/**
 * The tools a session's chat model decides through (seed 002's `kfc_reply` / `do_nothing`, plus reminders and
 * booked wake-ups), as OpenAI function definitions. The descriptions are the model's instructions for using
 * them; `tool-call-parser.ts` reads the answers back.
 */
import type { ChatCompletionTool } from './chat-model.js';

export type SessionToolName = 'reply' | 'do_nothing' | 'set_reminder' | 'schedule_wakeup' | 'write_memo' | 'forget_memo';

const turnMetadata = {
  thought: {
    type: 'string',
    description: 'Your inner thought right now, in first person and natural words. Never shown to the user.',
  },
  expected_reaction: {
    type: 'string',
    description: 'How you expect the user to react, said casually (e.g. "probably tells me how the exam went").',
  },
  max_wait_seconds: {
    type: 'number',
    minimum: 0,
    description:
      'How long to wait for their answer before you may follow up: 60-300 when you asked something or the chat ' +
      'is ongoing; 0 after a goodbye, "good night" or a closing remark (waiting then makes odd follow-ups).',
  },
  mood: { type: 'string', description: 'Your mood in a word or two.' },
} as const;

const metadataNote =
  'If several calls carry thought, expected_reaction, max_wait_seconds or mood, the last one that states a value counts.';

/** The session tools, in the order they are offered to the model. */
export const sessionTools: readonly ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'reply',
      description:
        'Send the user one chat message. Call it several times in one turn to send several short messages, in ' +
        'order, like texting. `content` is exactly what the user sees: plain text only, no stickers, never your ' +
        `thought, mood or waiting plans. Always decide through a tool; never answer in plain text. ${metadataNote}`,
      parameters: {
        type: 'object',
        properties: {
          content: { type: 'string', description: 'The message text the user will read.' },
          ...turnMetadata,
        },
        required: ['content'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'do_nothing',
      description:
        'Read and say nothing this turn: for stickers, acknowledgements or anything that needs no answer. Give ' +
        'max_wait_seconds > 0 to keep waiting for them, 0 to let the conversation rest.',
      parameters: { type: 'object', properties: { ...turnMetadata } },
    },
  },
  {
    type: 'function',
    function: {
      name: 'set_reminder',
      description:
        'Remind the user of something at a time they asked for; you will send `text` then. Use only when they ' +
        'ask to be reminded, and still reply to confirm.',
      parameters: {
        type: 'object',
        properties: {
          when: {
            type: 'string',
            description:
              'When to remind: "in 20 minutes", "in 2 hours", "tomorrow 9:00", "18:30" (the next 18:30), ' +
              '"2026-11-22T09:00" (local time), "10分钟后", "明天9点", "今晚8点".',
          },
          text: { type: 'string', description: 'The reminder message to send, addressed to the user.' },
        },
        required: ['when', 'text'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'schedule_wakeup',
      description:
        'Book a moment to start talking to the user yourself later, e.g. to ask how something they mentioned ' +
        'went. A new booking replaces the previous one; delay_minutes 0 cancels it.',
      parameters: {
        type: 'object',
        properties: {
          delay_minutes: { type: 'number', minimum: 0, description: 'Minutes from now; 0 cancels the booking.' },
          reason: { type: 'string', description: 'What you want to talk about then; you will be shown it.' },
        },
        required: ['delay_minutes', 'reason'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'write_memo',
      description:
        'Keep a short private note for later (something they told you, a plan, a preference). Your memos are shown ' +
        'to you in later turns until they expire; the oldest go first when there are too many.',
      parameters: {
        type: 'object',
        properties: {
          text: { type: 'string', description: 'The note, in a sentence.' },
          ttl_hours: { type: 'number', minimum: 1, description: 'How long to keep it, in hours (1 to 336).' },
        },
        required: ['text', 'ttl_hours'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'forget_memo',
      description: 'Delete one of your memos that no longer holds, by its number.',
      parameters: {
        type: 'object',
        properties: { id: { type: 'number', description: 'The memo number shown as #id.' } },
        required: ['id'],
      },
    },
  },
];
