/**
 * End-to-end session scenarios: the real runtime and the real openai SDK against the fake OpenAI server,
 * with answers scripted per test, and readers of what a user of the session would notice (delivered
 * messages, the state, the mental log) and of what the model was asked.
 */
import type { ImageRef } from '../../machines/session-types.js';
import type { KizunaConfig } from '../../src/config/schema.js';
import type { OutboxMessage, SessionView } from '../../src/runtime/session-reader.js';
import type { FakeAnswer, FakeBehaviour, FakeToolCall, RecordedRequest } from './fake-openai-behaviours.js';
import { type FakeOpenAi, startFakeOpenAi } from './fake-openai-server.js';
import { testConfig } from './test-config.js';
import { startTestRuntime, type TestRuntime } from './test-runtime.js';
import { waitFor } from './wait-for.js';

type ConfigOverrides = Parameters<typeof testConfig>[0];

export const persona = 'You are Miko the test cat.';
export const chatModel = 'fake-chat';
export const thinkingModel = 'fake-think';
export const speechModel = 'fake-tts';

/** The `llm` section pointing the runtime at the fake server (1 s deadline, 3 attempts unless overridden). */
export function fakeLlmSection(baseUrl: string, overrides: Partial<KizunaConfig['llm']> = {}): Record<string, unknown> {
  return {
    baseUrl,
    apiKey: 'test',
    models: { chat: chatModel, thinking: thinkingModel, tts: speechModel },
    maxAttempts: 3,
    timeoutSeconds: 1,
    ...overrides,
  };
}

/** Tool calls the fake model answers with. */
export const call = {
  reply: (content: string, extra: Record<string, unknown> = {}): FakeToolCall => ({ name: 'reply', arguments: { content, max_wait_seconds: 0, ...extra } }),
  doNothing: (extra: Record<string, unknown> = {}): FakeToolCall => ({ name: 'do_nothing', arguments: { max_wait_seconds: 0, ...extra } }),
  setReminder: (when: string, text: string): FakeToolCall => ({ name: 'set_reminder', arguments: { when, text } }),
  scheduleWakeup: (delayMinutes: number, reason: string): FakeToolCall => ({ name: 'schedule_wakeup', arguments: { delay_minutes: delayMinutes, reason } }),
};

/** An answer made of tool calls. */
export const answer = (...toolCalls: FakeToolCall[]): FakeAnswer => ({ toolCalls });

/**
 * The fake model as the tests drive it: behaviours queued per test, an optional per-test router consulted
 * first, and quiet defaults (a chat request gets `do_nothing`, a text request a short thought, speech gets
 * audio), so a request nobody scripted never makes the bot say anything.
 */
export interface ScriptedModel {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues answers for the next requests no router claimed, one each. */
  script(...behaviours: FakeBehaviour[]): void;
  /** Answers the requests `router` returns a behaviour for (before the queue), until `reset`. */
  route(router: (request: RecordedRequest) => FakeBehaviour | undefined): void;
  /** Forgets the queue and the router of the previous test. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the fake OpenAI server behind a per-test script. Performs I/O. */
export async function startScriptedModel(): Promise<ScriptedModel> {
  const fake: FakeOpenAi = await startFakeOpenAi();
  let queue: FakeBehaviour[] = [];
  let router: ((request: RecordedRequest) => FakeBehaviour | undefined) | undefined;
  fake.setDefault((request) => {
    const behaviour = router?.(request) ?? queue.shift() ?? quietDefault(request);
    return complete(typeof behaviour === 'function' ? behaviour(request) : behaviour, request);
  });
  return {
    baseUrl: fake.baseUrl,
    requests: fake.requests,
    script: (...behaviours) => void queue.push(...behaviours),
    route: (next) => {
      router = next;
    },
    reset: () => {
      queue = [];
      router = undefined;
    },
    close: () => fake.close(),
  };
}

function quietDefault(request: RecordedRequest): FakeAnswer {
  if (request.body['tools'] !== undefined) return answer(call.doNothing());
  return { text: 'A passing thought.' };
}

/** A bare delay answers like the quiet default, after the delay (the fake server would ask us again). */
function complete(behaviour: FakeAnswer, request: RecordedRequest): FakeAnswer {
  const bare = !['toolCalls', 'text', 'oversized', 'garbage', 'status', 'hangMs'].some((key) => key in behaviour);
  return bare ? { ...quietDefault(request), ...behaviour } : behaviour;
}

/** True for a chat-completions request of the conversation (it offers the session tools). */
export function isTurnRequest(request: RecordedRequest): boolean {
  return request.path === '/v1/chat/completions' && request.body['tools'] !== undefined;
}

/** True for an inner-thought or reminder-wording request (plain text, the thinking model). */
export function isTextRequest(request: RecordedRequest): boolean {
  return request.path === '/v1/chat/completions' && request.body['tools'] === undefined;
}

export function isSpeechRequest(request: RecordedRequest): boolean {
  return request.path === '/v1/audio/speech';
}

interface PromptMessage {
  role: string;
  content: unknown;
}

/** The chat messages of a request. */
export function messagesOf(request: RecordedRequest): PromptMessage[] {
  return Array.isArray(request.body['messages']) ? (request.body['messages'] as PromptMessage[]) : [];
}

/** The text of a message whose content is a string or content parts. */
export function textOf(message: PromptMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
}

/** The system prompt of a request ('' for requests without one). */
export function systemPromptOf(request: RecordedRequest): string {
  return textOf(messagesOf(request).find((message) => message.role === 'system'));
}

/** The first user message of a request: the narrative and what this request is about. */
export function userPromptOf(request: RecordedRequest): string {
  return textOf(messagesOf(request).find((message) => message.role === 'user'));
}

/** The requests whose messages mention `marker` (how a test picks its own session's requests). */
export function requestsMentioning(model: ScriptedModel, marker: string, filter: (request: RecordedRequest) => boolean = isTurnRequest): RecordedRequest[] {
  return model.requests.filter((request) => filter(request) && JSON.stringify(request.body['messages'] ?? '').includes(marker));
}

/** Waits until `count` requests mention `marker`, and returns them. */
export async function waitForRequests(model: ScriptedModel, marker: string, count = 1, filter: (request: RecordedRequest) => boolean = isTurnRequest): Promise<RecordedRequest[]> {
  return waitFor(() => {
    const found = requestsMentioning(model, marker, filter);
    return found.length >= count ? found : undefined;
  }, { message: `${count} request(s) mentioning "${marker}"` });
}

/** One runtime on the fake model, configured with the LLM section plus `overrides`. */
export async function startScenarioRuntime(model: ScriptedModel, overrides: ConfigOverrides = {}, llm: Partial<KizunaConfig['llm']> = {}, http = false): Promise<TestRuntime> {
  // testConfig merges sections; the top-level strings (persona, time zone) are set on the parsed config.
  const config = { ...testConfig({ ...overrides, llm: fakeLlmSection(model.baseUrl, llm) }), persona, timezone: 'UTC' };
  return startTestRuntime({ config, http });
}

/** Sends what a user typed into a session, as an adapter would. Performs I/O. */
export async function say(kizuna: TestRuntime, sessionId: string, text: string, images: ImageRef[] = []): Promise<void> {
  await kizuna.runtime.ingestor.ingest(sessionId, {
    type: 'message.received',
    at: Date.now(),
    sender: { id: sessionId.split(':').at(-1) ?? 'user' },
    text,
    images,
    mentionsBot: false,
  });
}

/** The session's view; fails when the session does not exist. */
export async function viewOf(kizuna: TestRuntime, sessionId: string): Promise<SessionView> {
  const view = await kizuna.runtime.reader.getSession(sessionId);
  if (view === null || view.context === null) throw new Error(`session ${sessionId} has no snapshot yet`);
  return view;
}

/** Waits until the session's view satisfies `check`, and returns it. */
export async function waitForView(kizuna: TestRuntime, sessionId: string, check: (view: SessionView) => boolean, message = 'session view'): Promise<SessionView> {
  return waitFor(async () => {
    const view = await kizuna.runtime.reader.getSession(sessionId);
    return view !== null && view.context !== null && check(view) ? view : undefined;
  }, { message: `${sessionId}: ${message}` });
}

export async function waitForState(kizuna: TestRuntime, sessionId: string, state: string): Promise<SessionView> {
  return waitForView(kizuna, sessionId, (view) => view.state === state, `state ${state}`);
}

/** The session's outbound messages with their delivery status. */
export async function outboxOf(kizuna: TestRuntime, sessionId: string): Promise<OutboxMessage[]> {
  return kizuna.runtime.reader.readOutbox(sessionId);
}

/** Waits until at least `count` messages are delivered; returns the delivered ones. */
export async function waitForDelivered(kizuna: TestRuntime, sessionId: string, count = 1): Promise<OutboxMessage[]> {
  return waitFor(async () => {
    const delivered = (await outboxOf(kizuna, sessionId)).filter((message) => message.status === 'delivered');
    return delivered.length >= count ? delivered : undefined;
  }, { message: `${sessionId}: ${count} delivered message(s)` });
}

export interface MentalLine {
  kind: string;
  text: string;
  at: number;
}

/** The session's mental log, oldest first. */
export async function mentalLogOf(kizuna: TestRuntime, sessionId: string): Promise<MentalLine[]> {
  return (await kizuna.runtime.reader.readConversation(sessionId)).mental as MentalLine[];
}
