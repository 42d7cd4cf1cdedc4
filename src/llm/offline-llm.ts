/**
 * The built-in offline model: a deterministic stand-in for a chat model that answers through the same tools
 * — replies with a wait, goodbyes without one, sometimes `do_nothing`, follow-ups that give up, proactive
 * openers, inner thoughts and reminders — so every state and timer of a session can be seen working with no
 * LLM configured.
 */
import type { ToolCall } from '../../machines/session-types.js';
import { cannedThought, plainReminder } from './canned-lines.js';
import type { LlmClient, LlmDecision, TextRequest, TurnRequest } from './llm-types.js';

const cjk = /[\u3400-\u9fff]/u;
const goodbye = /(bye|good ?night|see you|晚安|再见|拜拜|回头聊)/iu;
const acknowledgement = /^(ok|okay|k|嗯+|哦+|好的?|👍)$/iu;

export interface OfflineLlmOptions {
  /** The wait the offline model asks for after a reply, in seconds. */
  replyWaitSeconds: number;
}

/** Creates the offline model. */
export function createOfflineLlm(options: OfflineLlmOptions): LlmClient {
  return {
    name: 'offline',
    decide: async (request, _material, { signal }) => {
      signal?.throwIfAborted();
      return decideOffline(request, options);
    },
    text: async (request, _material, { signal }) => {
      signal?.throwIfAborted();
      return textOffline(request);
    },
  };
}

/** The offline model's decision for a turn; pure. */
export function decideOffline(request: TurnRequest, options: OfflineLlmOptions): LlmDecision {
  const wait = options.replyWaitSeconds;
  switch (request.purpose) {
    case 'reply':
      return { calls: [replyTo(request.text, wait)] };
    case 'followup':
      return { calls: [followUp(request.consecutiveTimeouts, wait)] };
    case 'proactive':
      return { calls: [reply(request.unanswered === 0 ? 'Hey, it has been a while. How is your day going?' : 'Just checking in again :)', wait, 'a short answer about their day')] };
    case 'wakeup':
      return { calls: [reply(`I said I would come back: ${request.wakeupReason ?? 'how did it go?'}`, wait, 'they tell me how it went')] };
  }
}

/** The offline model's text for a side request; pure. */
export function textOffline(request: TextRequest): string {
  return request.purpose === 'thinking' ? cannedThought(request.progress ?? 0) : plainReminder(request.reminderText ?? '');
}

function replyTo(text: string, wait: number): ToolCall {
  const chinese = cjk.test(text);
  const quoted = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (goodbye.test(text)) return reply(chinese ? '晚安，明天见～' : 'Good night, talk soon!', 0, 'none');
  if (acknowledgement.test(text.trim())) return { tool: 'do_nothing', thought: 'Nothing to add.', maxWaitSeconds: 0 };
  if (text.trim().length === 0) return reply(chinese ? '收到图片啦！' : 'Nice picture!', wait, 'a comment on the picture');
  return reply(chinese ? `嗯嗯，你说「${quoted}」，我在听呢。` : `You said "${quoted}". I'm listening.`, wait, chinese ? '继续聊下去' : 'they keep talking');
}

function followUp(consecutiveTimeouts: number, wait: number): ToolCall {
  if (consecutiveTimeouts >= 2) return { tool: 'do_nothing', thought: 'They are busy; let them be.', maxWaitSeconds: 0 };
  return reply('Still there? No rush.', wait, 'a reply when they are back');
}

function reply(content: string, maxWaitSeconds: number, expectedReaction: string): ToolCall {
  return { tool: 'reply', content, maxWaitSeconds, expectedReaction, thought: 'offline model', mood: 'calm' };
}
