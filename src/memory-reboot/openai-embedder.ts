/**
 * Embeddings from `llm.models.embedding` through the openai SDK (`embeddings.create`), for OpenAI and any
 * compatible endpoint. The SDK retries rate limits and server errors twice; what still fails leaves as an
 * LlmError, and the message is then stored without a vector.
 */
import OpenAI from 'openai';
import { LlmError, classifyLlmError } from '../llm/llm-error.js';
import type { Embedder } from './embedder.js';
import { normalize } from './vector-codec.js';

export interface OpenAiEmbedderOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

/** Creates an embedder for `options.model`. */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, maxRetries: 2, timeout: options.timeoutMs });
  return {
    space: `openai:${options.model}`,
    async embed(text) {
      let embedding: unknown;
      try {
        const response = await client.embeddings.create({ model: options.model, input: text });
        embedding = response.data?.[0]?.embedding;
      } catch (error) {
        throw classifyLlmError(error);
      }
      if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((value) => typeof value === 'number' && Number.isFinite(value))) {
        throw new LlmError('invalid_response', 'the embeddings answer has no usable vector');
      }
      return normalize(embedding as number[]);
    },
  };
}
