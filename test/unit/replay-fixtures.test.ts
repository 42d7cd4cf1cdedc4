// Recorded session logs (test/fixtures/sessions) must replay to their recorded snapshots through today's
// machine. A change that breaks one is not snapshot-compatible: stored sessions would diverge too. Re-record
// deliberately with `npm run fixtures:record` and say so in the change.
import { describe, expect, it } from 'vitest';
import { replaySession } from '../../src/runtime/replay.js';
import { loadSessionFixture, replayFixture, sessionFixtureNames } from '../helpers/replay-fixture.js';

describe('recorded session fixtures', () => {
  const names = sessionFixtureNames();

  it('covers debounce, cancellation, waiting and timeouts, proactive messages and a failed LLM', () => {
    expect(names).toEqual(
      expect.arrayContaining(['debounce-cancel.json', 'debounce-merge.json', 'llm-failure.json', 'proactive.json', 'wait-timeouts.json']),
    );
  });

  it.each(names)('%s replays to its recorded snapshot', (name) => {
    expect(replayFixture(name)).toMatchObject({ ok: true });
  });

  it('detects a fixture whose log no longer leads to its snapshot', () => {
    const fixture = loadSessionFixture('wait-timeouts.json');
    const withoutTimer = fixture.entries.filter((entry) => entry.event?.type !== 'timer.fired');
    expect(replaySession({ ...fixture, entries: withoutTimer })).toMatchObject({ ok: false });
  });
});
