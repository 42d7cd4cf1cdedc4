/**
 * Where outbound messages go: one adapter per platform. The HTTP adapter publishes to the session's outbox
 * (clients read it through the API); platform adapters (OneBot, …) send through their connection.
 */
import type { OutboxMessage } from '../runtime/effects.js';

export interface VoiceClip {
  audio: Buffer;
  mimeType: string;
}

export interface DeliveryAdapter {
  readonly platform: string;
  /** Delivers one text message; throws RuntimeError (retryable or not) when it cannot. Performs I/O. */
  deliver(sessionId: string, message: OutboxMessage): Promise<void>;
  /** Delivers a voice message before its text. Performs I/O. */
  deliverVoice(sessionId: string, message: OutboxMessage, voice: VoiceClip): Promise<void>;
}

/** Picks the adapter of a session's platform (the part of its id before the first ':'). */
export function adapterFor(adapters: ReadonlyMap<string, DeliveryAdapter>, sessionId: string, fallback: DeliveryAdapter): DeliveryAdapter {
  return adapters.get(sessionId.split(':')[0] ?? '') ?? fallback;
}
