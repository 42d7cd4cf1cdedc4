/**
 * The runtime's Lua scripts, loaded from `lua/<verbNoun>-<numKeys>.lua` and registered on a connection as
 * ioredis custom commands (EVALSHA with a fallback to EVAL).
 */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

const scriptNames = [
  'appendEvent-4', 'readBatch-4', 'commitBatch-9', 'settleDelivery-1', 'enqueueCheck-2', 'commitCheck-8', 'forgetGroup-1',
  // The drain shards (src/runtime/shard-runner.ts).
  'markDue-2', 'takeDue-2', 'releaseShard-3', 'reclaimTaken-2',
] as const;

type ScriptResult = Promise<unknown>;

export interface ScriptCommands {
  appendEvent(...args: string[]): ScriptResult;
  readBatch(...args: string[]): ScriptResult;
  commitBatch(...args: string[]): ScriptResult;
  settleDelivery(...args: string[]): ScriptResult;
  enqueueCheck(...args: string[]): ScriptResult;
  commitCheck(...args: Array<string | Buffer>): ScriptResult;
  forgetGroup(...args: string[]): ScriptResult;
  markDue(...args: string[]): ScriptResult;
  takeDue(...args: string[]): ScriptResult;
  releaseShard(...args: string[]): ScriptResult;
  reclaimTaken(...args: string[]): ScriptResult;
}

/** Registers every script on `redis` (idempotent) and returns it typed with the script commands. */
export function withScripts(redis: Redis): Redis & ScriptCommands {
  for (const fileName of scriptNames) {
    const [name, keys] = fileName.split('-') as [string, string];
    if (typeof (redis as unknown as Record<string, unknown>)[name] === 'function') continue;
    const lua = readFileSync(new URL(`./lua/${fileName}.lua`, import.meta.url), 'utf8');
    redis.defineCommand(name, { numberOfKeys: Number(keys), lua });
  }
  return redis as Redis & ScriptCommands;
}
