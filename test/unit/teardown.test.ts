import { describe, expect, it } from 'vitest';
import { Teardown } from '../../src/cli/teardown.js';

describe('a command teardown', () => {
  it('closes what was started, the last first, each once, and reports the first failure after running them all', async () => {
    const closed: string[] = [];
    const teardown = new Teardown();
    teardown.add(() => closed.push('redis'));
    teardown.add(async () => {
      closed.push('runtime');
      throw new Error('runtime close failed');
    });
    teardown.add(() => closed.push('server'));
    await expect(teardown.run()).rejects.toThrow('runtime close failed');
    expect(closed).toEqual(['server', 'runtime', 'redis']);
    await teardown.run();
    expect(closed).toHaveLength(3);
  });

  it('closes what a failed start had started and rethrows its error', async () => {
    const closed: string[] = [];
    const teardown = new Teardown();
    const started = teardown.guard(async () => {
      teardown.add(() => closed.push('redis'));
      teardown.add(() => closed.push('runtime'));
      throw new Error('listen EADDRINUSE');
    });
    await expect(started).rejects.toThrow('listen EADDRINUSE');
    expect(closed).toEqual(['runtime', 'redis']);
    expect(await teardown.guard(async () => 'up')).toBe('up');
  });
});
