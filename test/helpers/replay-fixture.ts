/**
 * Replays a recorded session fixture (as written by `kizuna replay --save` or `npm run fixtures:record`)
 * through today's session machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type ReplayInput, type ReplayResult, replaySession } from '../../src/runtime/replay.js';

export const sessionFixturesDir = new URL('../fixtures/sessions/', import.meta.url);

/** The fixture file names in test/fixtures/sessions. */
export function sessionFixtureNames(): string[] {
  return readdirSync(sessionFixturesDir).filter((name) => name.endsWith('.json')).sort();
}

/** Loads one fixture. */
export function loadSessionFixture(name: string): ReplayInput & { description?: string } {
  return JSON.parse(readFileSync(new URL(name, sessionFixturesDir), 'utf8')) as ReplayInput & { description?: string };
}

/** Replays one fixture and returns the result. */
export function replayFixture(name: string): ReplayResult {
  return replaySession(loadSessionFixture(name));
}
