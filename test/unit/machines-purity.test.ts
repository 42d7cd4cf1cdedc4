import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const forbidden = [/^node:/, /^bullmq/, /^ioredis/, /^openai/, /^onnxruntime-node/, /^pino/, /\/src\//];
const ambient = /\b(Date\.now|Math\.random|setTimeout|setInterval|process\.)/;
// Without an explicit locale these read the host's (e.g. 'İ' lower-cases differently under tr-TR): replay elsewhere diverges.
const hostLocale = /\.(toLocale\w*|localeCompare)\(/;

describe('machines/ stays pure', () => {
  const files = readdirSync(new URL('../../machines/', import.meta.url)).filter((name) => name.endsWith('.ts'));

  it('has machine files to check', () => {
    expect(files).toContain('session-machine.ts');
  });

  it.each(files)('%s imports no I/O module and reads no clock, randomness or host locale', (file) => {
    const source = readFileSync(new URL(`../../machines/${file}`, import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
    for (const specifier of imports) {
      expect(forbidden.some((pattern) => pattern.test(specifier)), `${file} imports ${specifier}`).toBe(false);
    }
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(ambient);
    expect(code, `${file} depends on the host's locale`).not.toMatch(hostLocale);
  });
});
