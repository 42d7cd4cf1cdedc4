/**
 * Routes for looking inside a session: its recorded LLM calls (`GET /v1/sessions/:id/llm`) and a replay of
 * its event log against the stored snapshot (`POST /v1/sessions/:id/replay`, what `kizuna replay` does).
 */
import { RuntimeError } from '../errors.js';
import type { LlmCallLog } from '../llm/llm-call-log.js';
import { replaySession } from '../runtime/replay.js';
import { describeDivergence, readReplayInput } from '../runtime/replay-input.js';
import type { SessionReader } from '../runtime/session-reader.js';
import type { Route } from './api-routes.js';
import { existingSession, numberParam } from './route-params.js';

/** The inspection routes. */
export function inspectionRoutes(reader: SessionReader, llmCalls: Pick<LlmCallLog, 'read'>): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/v1\/sessions\/([^/]+)\/llm$/,
      async handle({ params, url }) {
        const sessionId = await existingSession(reader, params[0]);
        return { status: 200, body: await llmCalls.read(sessionId, numberParam(url, 'limit', 1000)) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/sessions\/([^/]+)\/replay$/,
      async handle({ params }) {
        const sessionId = await existingSession(reader, params[0]);
        const input = await readReplayInput(reader, sessionId);
        // A session whose first events still wait in its mailbox has nothing to replay yet.
        if (input === null) throw new RuntimeError('not_found', `session ${sessionId} has no committed snapshot yet`);
        const result = replaySession(input);
        const body = result.ok
          ? { sessionId, reproduced: true, applied: result.applied }
          : { sessionId, reproduced: false, applied: result.applied, divergence: result.divergence, description: describeDivergence(result.divergence) };
        return { status: 200, body };
      },
    },
  ];
}
