/**
 * The one error an LLM call can end with. Foreign errors (the openai SDK's, fetch's, a JSON parser's) are
 * classified here once, at the boundary, so retry decisions read `kind` and `retryable` and nothing else.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { RuntimeError } from '../errors.js';

export type LlmErrorKind =
  | 'rate_limit'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'bad_request'
  | 'auth'
  | 'aborted'
  | 'invalid_response';

/**
 * Whether retrying the same request can help. `invalid_response` is retryable: it means the HTTP body could
 * not be read as a chat completion (not JSON, no choices), which in practice is a proxy or server fault of
 * the moment. A well-formed answer whose tool calls are unusable is not an error at all: the decider drops
 * those calls and reports them.
 */
const retryableKinds: Readonly<Record<LlmErrorKind, boolean>> = {
  rate_limit: true,
  server: true,
  connection: true,
  timeout: true,
  invalid_response: true,
  bad_request: false,
  auth: false,
  aborted: false,
};

/** A failed LLM call: code `llm_failed`, a `kind`, and `retryable` fixed by the kind. */
export class LlmError extends RuntimeError {
  readonly kind: LlmErrorKind;
  /** The HTTP status of the failed response, when there was one. */
  readonly status: number | undefined;

  constructor(kind: LlmErrorKind, detail: string, options: { status?: number; cause?: unknown } = {}) {
    const status = options.status === undefined ? '' : ` (HTTP ${options.status})`;
    super('llm_failed', `LLM ${kind}${status}: ${detail}`, { retryable: retryableKinds[kind], cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status;
  }
}

/** Maps anything an LLM call threw to an LlmError; an LlmError is returned unchanged. */
export function classifyLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIUserAbortError) return new LlmError('aborted', 'the request was aborted', { cause: error });
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', 'no answer in time', { cause: error });
  if (error instanceof APIConnectionError) return new LlmError('connection', error.message, { cause: error });
  if (error instanceof APIError) return fromStatus(error);
  if (error instanceof OpenAIError) return new LlmError('invalid_response', error.message, { cause: error });
  return fromForeignError(error);
}

function fromStatus(error: APIError): LlmError {
  const status = error.status;
  const options = status === undefined ? { cause: error } : { status, cause: error };
  return new LlmError(kindOfStatus(status), error.message, options);
}

function kindOfStatus(status: number | undefined): LlmErrorKind {
  // No status: an error event inside a 200 stream, which the server chose to send; treat as its fault.
  if (status === undefined || status >= 500) return 'server';
  if (status === 429) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  // 409 is a lock conflict on OpenAI's side; the SDK itself would retry it.
  if (status === 409) return 'server';
  return 'bad_request';
}

function fromForeignError(error: unknown): LlmError {
  if (!(error instanceof Error)) return new LlmError('connection', `non-error thrown: ${String(error)}`, { cause: error });
  if (error.name === 'AbortError') return new LlmError('aborted', 'the request was aborted', { cause: error });
  if (error.name === 'TimeoutError') return new LlmError('timeout', 'no answer in time', { cause: error });
  if (error instanceof SyntaxError) {
    return new LlmError('invalid_response', `the body is not JSON: ${error.message}`, { cause: error });
  }
  // What the SDK leaves untyped happens while reading the body: undici's "terminated", socket resets.
  return new LlmError('connection', error.message, { cause: error });
}
