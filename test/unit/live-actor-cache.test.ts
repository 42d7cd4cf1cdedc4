import { describe, expect, it } from 'vitest';
import { LiveActorCache } from '../../src/runtime/live-actor-cache.js';
import { createRuntimeStats } from '../../src/runtime/runtime-stats.js';
import { createLiveSession, sendToLive } from '../../src/runtime/session-actor.js';
import { messageEvent } from '../helpers/session-events.js';

describe('the live actor cache', () => {
  it('forgets the least recently used session beyond its capacity', () => {
    const cache = new LiveActorCache(2);
    for (const name of ['a', 'b', 'c']) cache.set(createLiveSession(`http:private:${name}`, undefined, 0));
    cache.get('http:private:b');
    cache.set(createLiveSession('http:private:d', undefined, 0));
    expect(cache.get('http:private:a')).toBeUndefined();
    expect(cache.get('http:private:c')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('leaves an actor pushed out by capacity working for the drain still applying a batch to it', () => {
    const cache = new LiveActorCache(1);
    const held = createLiveSession('http:private:busy', undefined, 0);
    cache.set(held);
    // Another drain, running concurrently in this process, caches its own session meanwhile.
    cache.set(createLiveSession('http:private:other', undefined, 0));
    expect(cache.get('http:private:busy')).toBeUndefined();
    sendToLive(held, messageEvent('are you there?', 1000, 1));
    expect(held.actor.getSnapshot().status).toBe('active');
    expect(held.actor.getSnapshot().context.fragments.map((fragment) => fragment.text)).toEqual(['are you there?']);
  });

  it('stops a session it is told to evict (after a conflict or an error)', () => {
    const cache = new LiveActorCache(4);
    const live = createLiveSession('http:private:gone', undefined, 0);
    cache.set(live);
    cache.evict('http:private:gone');
    expect(live.actor.getSnapshot().status).toBe('stopped');
  });

  it('reports its size and evictions in one statistics update per change, none when nothing changed', () => {
    const stats = createRuntimeStats();
    const updates: Array<{ live: number; evicted: number }> = [];
    stats.subscribe(({ context }) => updates.push({ live: context.liveActors, evicted: context.counters.live_actor_evictions_total[''] ?? 0 }));
    const cache = new LiveActorCache(2, stats);
    for (const name of ['a', 'b', 'c']) cache.set(createLiveSession(`http:private:${name}`, undefined, 0));
    // The same session stored again (a rebuilt actor after a batch): no change to report.
    cache.set(createLiveSession('http:private:c', undefined, 0));
    cache.evict('http:private:b');
    expect(updates).toEqual([
      { live: 1, evicted: 0 },
      { live: 2, evicted: 0 },
      { live: 2, evicted: 1 },
      { live: 1, evicted: 2 },
    ]);
  });
});
