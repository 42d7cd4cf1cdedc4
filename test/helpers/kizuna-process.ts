/**
 * Runs the real `kizuna` CLI as a child process (as a user would), with a config file written for the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { KizunaConfig } from '../../src/config/schema.js';

export const cliPath = fileURLToPath(new URL('../../bin/kizuna.js', import.meta.url));

export interface KizunaProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): void;
}

/** Writes `config` to a temporary YAML file and returns its path. */
export function writeConfigFile(config: KizunaConfig | Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kizuna-config-')), 'kizuna.yaml');
  writeFileSync(path, stringify(config));
  return path;
}

/** Extra Node flags for the spawned CLI, e.g. `KIZUNA_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile bench workers. */
function nodeArgs(): string[] {
  return (process.env.KIZUNA_CHILD_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}

/** Spawns `node bin/kizuna.js <args>` with the given environment additions. */
export function spawnKizuna(args: string[], env: Record<string, string>): KizunaProcess {
  const child = spawn(process.execPath, [...nodeArgs(), cliPath, ...args], {
    env: { ...process.env, KIZUNA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, output: () => output, exited, kill: (signal = 'SIGTERM') => child.kill(signal) };
}

/** Spawns a `kizuna worker` and resolves once it reports it is ready. */
export async function startWorkerProcess(redisUrl: string, configPath: string, roles = 'session,llm,outbox'): Promise<KizunaProcess> {
  const worker = spawnKizuna(['worker', '--roles', roles], { REDIS_URL: redisUrl, KIZUNA_CONFIG: configPath });
  await waitForOutput(worker, /kizuna worker ready/, 30_000);
  return worker;
}

/** Resolves when the process output matches `pattern`; rejects if it exits first or time runs out. */
export async function waitForOutput(process: KizunaProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(process.output())) {
    if (process.child.exitCode !== null) throw new Error(`process exited early:\n${process.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
