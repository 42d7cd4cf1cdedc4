/**
 * `memoryReboot.*`: noticing old news posted again in a group (seed 003, Memory Reboot). Defaults are the
 * seed's; docs/configuration.md documents each key and docs/memory-reboot.md the pipeline.
 */
import { z } from 'zod';

const similarity = z.number().min(0).max(1);

const regexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const commandFilterSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** A message starting with one of these followed by a command word is another bot's command. */
    prefixes: z.array(z.string().min(1).max(4)).default(['/', '!', '#', '.', '。']),
    /** Known command words of other bots; these match with or without a prefix. Empty: any word after a prefix. */
    commands: z.array(z.string().min(1).max(64)).default([]),
  })
  .strict();

export const memoryRebootSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Group chat ids (or full session ids) where nothing is stored or answered. */
    blockedGroups: z.array(z.string().min(1)).default([]),
    minTextLength: z.number().int().min(0).default(3),
    /** Regular expressions; a message whose whole text matches one is ignored. */
    ignorePatterns: z.array(regexSource).default([]),
    commandFilter: commandFilterSchema.prefault({}),
    textThreshold: similarity.default(0.95),
    imageThreshold: similarity.default(0.9),
    minUniqueSenders: z.number().int().min(1).default(3),
    cooldownSeconds: z.number().min(0).default(3600),
    retentionDays: z.number().positive().default(7),
    /** Confirm with the judge model: always, never, or `auto` (when `llm.models.judge` is set). */
    llmConfirm: z.union([z.boolean(), z.literal('auto')]).default('auto'),
    judgeContextMessages: z.number().int().min(0).max(200).default(40),
    reminderText: z.string().min(1).max(500).default('This has been posted here before — old news! 📰'),
    maxImagesPerMessage: z.number().int().min(0).max(16).default(4),
    /** Bytes of in-worker index kept across groups; idle groups beyond it are evicted (reloaded on demand). */
    indexMemoryMegabytes: z.number().int().min(16).default(512),
    concurrency: z.number().int().min(1).default(8),
  })
  .strict();

export type MemoryRebootSettings = z.infer<typeof memoryRebootSchema>;
