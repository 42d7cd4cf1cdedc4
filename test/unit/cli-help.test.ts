import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

function captured(stream: NodeJS.WriteStream): () => string {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe('kizuna help', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every command', async () => {
    const out = captured(process.stdout);
    expect(await main(['--help'])).toBe(0);
    for (const name of ['start', 'worker', 'replay', 'classify']) expect(out()).toContain(`  ${name} `);
  });

  it.each(['start', 'worker', 'replay', 'classify'])('answers `kizuna %s --help` with its usage instead of running it', async (name) => {
    const out = captured(process.stdout);
    expect(await main([name, '--help'])).toBe(0);
    expect(out()).toMatch(new RegExp(`^usage: kizuna ${name} \\[options\\]\\n  \\S`));
  });

  it('names an unknown command', async () => {
    const err = captured(process.stderr);
    expect(await main(['juggle'])).toBe(2);
    expect(err()).toContain('unknown command "juggle"');
  });
});
