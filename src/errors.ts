/**
 * One error family for the runtime: a machine-readable `code`, whether retrying can help, and the cause.
 * Adapters classify foreign errors once, at their boundary, into this shape.
 */
export type RuntimeErrorCode =
  | 'invalid_input'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'redis_unavailable'
  | 'redis_full'
  | 'snapshot_conflict'
  | 'config_invalid'
  | 'redis_server_missing'
  | 'llm_failed'
  | 'image_fetch_failed'
  | 'image_invalid'
  | 'platform_unavailable'
  | 'platform_rejected'
  | 'delivery_unconfirmed'
  | 'internal';

export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly retryable: boolean;

  constructor(code: RuntimeErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuntimeError';
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** Error for input that fails validation; `field` names the offending field (dotted path). */
export class InvalidInputError extends RuntimeError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('invalid_input', `${field}: ${message}`);
    this.name = 'InvalidInputError';
    this.field = field;
  }
}

/** Error raised when Redis cannot take a command right now; retrying later can succeed. */
export class RedisUnavailableError extends RuntimeError {
  constructor(cause: unknown) {
    super('redis_unavailable', 'Redis is unreachable', { retryable: true, cause });
    this.name = 'RedisUnavailableError';
  }
}

/** Error raised when Redis refuses a write because it reached `maxmemory` (noeviction); nothing was written. */
export class RedisFullError extends RuntimeError {
  constructor(cause: unknown) {
    super('redis_full', 'Redis is out of memory (maxmemory reached with noeviction); nothing was stored', { retryable: true, cause });
    this.name = 'RedisFullError';
  }
}

/** Converts anything thrown into `{ code, message }`, the shape errors take inside machines and logs. */
export function toErrorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof RuntimeError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
