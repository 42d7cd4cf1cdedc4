/**
 * docs/configuration.md documents every configuration key: a key added to the schema without a line in the
 * doc fails here, and so does an example that no longer validates.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';

const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');

/** The placeholder a record's keys are documented under (`sessions.<sessionId>.…`). */
const recordKey = '<sessionId>';

/** Every leaf key path of a zod 4 schema: objects are walked, wrappers unwrapped, records under `recordKey`. */
function leafPaths(schema: z.core.$ZodType, prefix: string[] = []): string[][] {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries((def as z.core.$ZodObjectDef).shape).flatMap(([key, value]) => leafPaths(value, [...prefix, key]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return leafPaths((def as unknown as { innerType: z.core.$ZodType }).innerType, prefix);
    case 'pipe':
      return leafPaths((def as z.core.$ZodPipeDef).in, prefix);
    case 'lazy':
      return leafPaths((def as z.core.$ZodLazyDef).getter(), prefix);
    case 'record':
      return leafPaths((def as z.core.$ZodRecordDef).valueType, [...prefix, recordKey]);
    default:
      return [prefix];
  }
}

function isDocumented(path: string): boolean {
  return doc.includes(`\`${path}\``);
}

/**
 * A key inside a record (`sessions.<sessionId>.debounce.threshold`) is documented when the record's section
 * is listed (`sessions.<sessionId>.debounce`) and the key it overrides is (`debounce.threshold`).
 */
function missingDocs(path: string[]): string[] {
  const at = path.indexOf(recordKey);
  if (at < 0) return isDocumented(path.join('.')) ? [] : [path.join('.')];
  const section = path.slice(0, at + 2).join('.');
  const rest = path.slice(at + 1);
  return [...(isDocumented(section) ? [] : [section]), ...missingDocs(rest)];
}

const paths = leafPaths(configSchema);

describe('docs/configuration.md', () => {
  it('finds the keys of the schema, wrappers and records included', () => {
    const dotted = paths.map((path) => path.join('.'));
    expect(dotted).toContain('debounce.threshold');
    expect(dotted).toContain('llm.models.chat');
    expect(dotted).toContain('reply.split.pattern');
    expect(dotted).toContain('sessions.<sessionId>.proactive.quietHours');
    expect(dotted.length).toBeGreaterThan(90);
  });

  it('documents every configuration key', () => {
    const missing = [...new Set(paths.flatMap(missingDocs))];
    expect(missing, `undocumented keys: ${missing.join(', ')}`).toEqual([]);
  });

  it('has examples that parse and validate', () => {
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const config = parseConfig(parseYaml(block));
      expect(config.sessions).toBeDefined();
    }
    const example = parseConfig(parseYaml(blocks[0] ?? ''));
    expect(example.debounce.threshold).toBe(0.8);
    expect(example.sessions['http:private:alice']?.wait?.maxSeconds).toBe(900);
  });

  it('names every environment variable the loader reads', () => {
    const loader = readFileSync(new URL('../../src/config/load-config.ts', import.meta.url), 'utf8');
    const variables = [...new Set([...loader.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1] ?? ''))];
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(doc, variable).toContain(`\`${variable}\``);
  });
});
