/**
 * Group-chat scenarios end to end: members posting into a group session through the real ingestor, and the
 * fake OpenAI server answering as the judge model (recognised by its model name) or the chat model.
 */
import type { ImageRef } from '../../machines/session-types.js';
import type { FakeAnswer, RecordedRequest } from './fake-openai-behaviours.js';
import { type ScriptedModel, userPromptOf, isTurnRequest } from './session-scenarios.js';
import type { TestRuntime } from './test-runtime.js';
import { waitFor } from './wait-for.js';

export const judgeModel = 'fake-judge';
export const visionModel = 'fake-vision';

export interface PostOptions {
  name?: string;
  mentionsBot?: boolean;
  images?: ImageRef[];
  messageId?: string;
}

/** A member's message in a group, as an adapter would ingest it. Performs I/O. */
export async function post(kizuna: TestRuntime, sessionId: string, sender: string, text: string, options: PostOptions = {}): Promise<void> {
  await kizuna.runtime.ingestor.ingest(sessionId, {
    type: 'message.received',
    at: Date.now(),
    sender: options.name === undefined ? { id: sender } : { id: sender, name: options.name },
    text,
    images: options.images ?? [],
    mentionsBot: options.mentionsBot ?? false,
    ...(options.messageId === undefined ? {} : { messageId: options.messageId }),
  });
}

/** True for a request to the judge model. */
export function isJudgeRequest(request: RecordedRequest): boolean {
  return request.path === '/v1/chat/completions' && request.body['model'] === judgeModel;
}

/** True for a caption request to the vision model. */
export function isCaptionRequest(request: RecordedRequest): boolean {
  return request.path === '/v1/chat/completions' && request.body['model'] === visionModel;
}

/** The judge's answer as text: the five scores at `value` (0–10), as bare JSON. */
export function judgeJson(value: number, reasoning = 'fits the conversation'): string {
  return JSON.stringify({ relevance: value, willingness: value, social: value, timing: value, continuity: value, reasoning });
}

/** The judge requests whose message under judgement is `text`. */
export function judgeRequestsFor(model: ScriptedModel, text: string): RecordedRequest[] {
  return model.requests.filter((request) => isJudgeRequest(request) && userPromptOf(request).includes(`: ${text}`));
}

/** Waits for `count` judge requests about `text`. */
export async function waitForJudge(model: ScriptedModel, text: string, count = 1): Promise<RecordedRequest[]> {
  return waitFor(() => {
    const found = judgeRequestsFor(model, text);
    return found.length >= count ? found : undefined;
  }, { message: `${count} judge request(s) about "${text}"` });
}

/** Routes judge requests to `answer` (a fixed answer or one per call, the last repeated). */
export function routeJudge(model: ScriptedModel, answers: FakeAnswer | FakeAnswer[]): void {
  const list = Array.isArray(answers) ? answers : [answers];
  let calls = 0;
  model.route((request) => (isJudgeRequest(request) ? (list[Math.min(calls++, list.length - 1)] ?? list[0]) : undefined));
}

/** The chat-model requests (turns) of a group that mention `marker`. */
export function groupTurns(model: ScriptedModel, marker: string): RecordedRequest[] {
  return model.requests.filter((request) => isTurnRequest(request) && userPromptOf(request).includes(marker));
}
