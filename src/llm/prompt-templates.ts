/**
 * Prompt templates: Markdown files with `{{name}}` placeholders, built in under src/llm/prompts and
 * overridable one by one from `prompts.dir`. Loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const templateNames = [
  'system',
  'turn-reply',
  'turn-followup',
  'turn-proactive',
  'turn-wakeup',
  'thinking',
  'reminder',
  // Group chats: the group proactive turn and the periodic one, the note of a voluntary reply, the Heartflow
  // judge and its persona summary, image captions.
  'turn-group-proactive',
  'turn-group-periodic',
  'join-note',
  'judge',
  'persona-summary',
  'caption',
  // Memory Reboot (src/memory-reboot): the old-news judge and the sticker/content classifier.
  'reboot-judge',
  'reboot-vision',
] as const;
export type TemplateName = (typeof templateNames)[number];
export type Templates = Record<TemplateName, string>;

const builtInDir = new URL('./prompts/', import.meta.url);

/** Reads every template, preferring `overrideDir/<name>.md` when it exists. Performs I/O. */
export function loadTemplates(overrideDir?: string): Templates {
  const entries = templateNames.map((name) => {
    const override = overrideDir === undefined ? undefined : join(overrideDir, `${name}.md`);
    const path = override !== undefined && existsSync(override) ? override : new URL(`${name}.md`, builtInDir);
    return [name, readFileSync(path, 'utf8').trim()] as const;
  });
  return Object.fromEntries(entries) as Templates;
}

/** Fills `{{name}}` placeholders; unknown placeholders are left as they are; pure. */
export function renderTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
