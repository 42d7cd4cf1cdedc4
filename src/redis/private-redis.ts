/**
 * Starts and stops kizuna's own redis-server from the project's `redis.conf`, for `kizuna start` without
 * REDIS_URL, the test suite and the benchmarks.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuntimeError } from '../errors.js';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultRedisConf = `${projectRoot}redis.conf`;

export interface PrivateRedis {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Stops redis-server with SIGTERM (it flushes the AOF first) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface PrivateRedisOptions {
  port: number;
  dataDir: string;
  confPath?: string;
  /** Extra `--name value` arguments after the config file. */
  extraArgs?: string[];
  startTimeoutMs?: number;
}

/** Throws `redis_server_missing` with install advice when no redis-server binary is on PATH. */
export function assertRedisServerInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined) {
    throw new RuntimeError(
      'redis_server_missing',
      'redis-server was not found: install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL to a running Redis',
    );
  }
}

/** Launches `redis-server <conf> --port <port> --dir <dataDir>` and resolves when it accepts connections. */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  assertRedisServerInstalled();
  mkdirSync(options.dataDir, { recursive: true });
  // redis.conf's own `dir .data/redis` is read (and must exist) before the --dir override applies: run from
  // the project root with that directory present.
  mkdirSync(`${projectRoot}.data/redis`, { recursive: true });
  const args = [options.confPath ?? defaultRedisConf, '--port', String(options.port), '--dir', options.dataDir];
  const child = spawn('redis-server', [...args, ...(options.extraArgs ?? [])], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForReady(child, options.startTimeoutMs ?? 15_000);
  return {
    url: `redis://127.0.0.1:${options.port}`,
    port: options.port,
    dataDir: options.dataDir,
    process: child,
    stop: () => stopProcess(child),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(`redis-server did not become ready within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('Ready to accept connections')) finish();
    };
    const onExit = (code: number | null): void => fail(`redis-server exited with code ${code}`);
    function finish(): void {
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve();
    }
    function fail(reason: string): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      reject(new RuntimeError('internal', `${reason}; its last output:\n${output.trim()}`));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
