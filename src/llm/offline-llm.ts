/**
 * The built-in offline model: a deterministic stand-in for a chat model that answers through the same tools
 * (reply with a wait, goodbyes without one, follow-ups that give up, proactive openers), so every state and
 * timer of a session can be seen working with no LLM configured.
 */
import type { ToolCall } from '../../machines/session-types.js';
import type { LlmClient, LlmDecision, LlmRequest } from './llm-types.js';

const cjk = /[\u3400-\u9fff]/u;
const goodbye = /(bye|good ?night|see you|晚安|再见|拜拜|回头聊)/iu;

export interface OfflineLlmOptions {
  /** The wait the offline model asks for after a reply, in seconds. */
  replyWaitSeconds: number;
}

/** Creates the offline model. */
export function createOfflineLlm(options: OfflineLlmOptions): LlmClient {
  return {
    name: 'offline',
    decide: async (request, { signal }) => {
      signal?.throwIfAborted();
      return decideOffline(request, options);
    },
  };
}

/** The offline model's decision for a request; pure. */
export function decideOffline(request: LlmRequest, options: OfflineLlmOptions): LlmDecision {
  const chinese = cjk.test(request.text);
  const wait = options.replyWaitSeconds;
  switch (request.purpose) {
    case 'reply':
      return { calls: [replyTo(request.text, chinese, wait)] };
    case 'followup':
      return { calls: [followUp(request.consecutiveTimeouts, wait)] };
    case 'proactive':
      return {
        calls: [
          reply(
            request.unanswered === 0 ? 'Hey, it has been a while. How is your day going?' : 'Just checking in again :)',
            wait,
            'a short answer about their day',
          ),
        ],
      };
  }
}

function replyTo(text: string, chinese: boolean, wait: number): ToolCall {
  const quoted = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (goodbye.test(text)) return reply(chinese ? '晚安，明天见～' : 'Good night, talk soon!', 0, 'none');
  if (text.trim().length === 0) return reply(chinese ? '收到图片啦！' : 'Nice picture!', wait, 'a comment on the picture');
  return reply(
    chinese ? `嗯嗯，你说「${quoted}」，我在听呢。` : `You said "${quoted}". I'm listening.`,
    wait,
    chinese ? '继续聊下去' : 'they keep talking',
  );
}

function followUp(consecutiveTimeouts: number, wait: number): ToolCall {
  if (consecutiveTimeouts >= 2) {
    return { tool: 'do_nothing', thought: 'They are busy; let them be.', maxWaitSeconds: 0 };
  }
  return reply('Still there? No rush.', wait, 'a reply when they are back');
}

function reply(content: string, maxWaitSeconds: number, expectedReaction: string): ToolCall {
  return { tool: 'reply', content, maxWaitSeconds, expectedReaction, thought: 'offline model', mood: 'calm' };
}
