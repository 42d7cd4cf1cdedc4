/**
 * `npm run bench:drain [-- --quick] [-- --baseline <git ref>]`: the CPU of a drain's pure part — applying a
 * batch to the actor (the shipped completeness model scoring it), encoding the snapshot, its digest and the
 * log entries — in one process, without Redis. With `--baseline`, the same code of another commit (checked
 * out in a temporary git worktree that uses this checkout's node_modules) is loaded into the same process and
 * the two run in interleaved rounds, so the host's drift, which on a shared 2-core VM moves the runtime
 * benchmark by a third within the hour, hits both alike. The last line is one JSON object with the figures.
 *
 * Shapes: a new session's first fragment (every event of the latency phase), a rehydrated session with one
 * fragment held getting one more, and the same getting seven (the throughput phase's bursts). The session's
 * settings are resolved once per version, outside the measured part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { message } from './lib/runtime-phases.js';
import { percentile, round } from './lib/stats.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const baselineRef = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1] : undefined;
if (argv.includes('--baseline') && (baselineRef === undefined || baselineRef.startsWith('--'))) throw new Error('--baseline needs a git ref, e.g. --baseline origin/main');
const drainsPerRound = quick ? 400 : 1_500;
const rounds = quick ? 6 : 12;
const groupSize = 10;
const here = fileURLToPath(new URL('..', import.meta.url));
const texts = ['so I was thinking', 'about the trip', 'and maybe', '我们周末', '去爬山吧', 'what do you think', '好的'];

/** The modules of one version that the drain's pure part runs through. */
interface Version {
  name: string;
  createLiveSession(sessionId: string, persisted: unknown, version: number): { sessionId: string };
  applyBatch(live: unknown, entries: Array<{ seq: number; json: string }>, options: unknown): Promise<{ persisted: unknown; logEntries: unknown[]; effects: unknown[] }>;
  encodeSnapshot(persisted: unknown): { json: string };
  decodeSnapshot(stored: string, settings: (digest: string) => unknown): unknown;
  logEntryJson(entry: unknown, committedAt: number): string;
  settings: unknown;
  scorer: unknown;
}

async function loadVersion(name: string, root: string): Promise<Version> {
  const load = async (path: string): Promise<Record<string, unknown>> => (await import(pathToFileURL(join(root, path)).href)) as Record<string, unknown>;
  const [actor, batch, codec, log, shared, settings, phases, scorerModule, coalescing] = await Promise.all([
    load('src/runtime/session-actor.ts'),
    load('src/runtime/apply-batch.ts'),
    load('src/runtime/snapshot-codec.ts'),
    load('src/runtime/log-entry.ts'),
    load('src/runtime/shared-settings.ts'),
    load('src/config/session-settings.ts'),
    load('bench/lib/runtime-phases.ts'),
    load('src/debounce/load-completeness-scorer.ts'),
    load('src/completeness/coalescing-scorer.ts'),
  ]);
  const config = (phases.benchConfig as (prefix: string) => unknown)('bench-drain');
  const resolved = (settings.sessionSettingsFor as (config: unknown, id: string) => unknown)(config, 'bench:private:drain');
  const scorer = await (scorerModule.loadCompletenessScorer as () => Promise<unknown>)();
  return {
    name,
    createLiveSession: actor.createLiveSession as Version['createLiveSession'],
    applyBatch: batch.applyBatch as Version['applyBatch'],
    encodeSnapshot: codec.encodeSnapshot as Version['encodeSnapshot'],
    decodeSnapshot: codec.decodeSnapshot as Version['decodeSnapshot'],
    logEntryJson: log.logEntryJson as Version['logEntryJson'],
    settings: (shared.shareSettings as (settings: unknown) => { settings: unknown })(resolved).settings,
    scorer: (coalescing.coalesceScorer as (scorer: unknown) => unknown)(scorer),
  };
}

/** A temporary worktree of `ref` sharing this checkout's node_modules; `remove` takes it away again. */
function baselineTree(ref: string): { root: string; sha: string; remove(): void } {
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: here, encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`--baseline ${ref}: not a commit of this repository`);
  }
  const root = join(tmpdir(), `kizuna-drain-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(root)) {
    execFileSync('git', ['worktree', 'add', '--detach', root, sha], { cwd: here, stdio: 'ignore' });
    symlinkSync(join(here, 'node_modules'), join(root, 'node_modules'), 'dir');
  }
  return { root, sha, remove: () => execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: here, stdio: 'ignore' }) };
}

interface Shape {
  name: string;
  /** Fragments already held by a rehydrated session; null for a new session. */
  held: number | null;
  fragments: number;
}

const shapes: Shape[] = [
  { name: 'new session, 1 fragment', held: null, fragments: 1 },
  { name: 'rehydrated, 1 held + 1 fragment', held: 1, fragments: 1 },
  { name: 'rehydrated, 1 held + 7 fragments', held: 1, fragments: 7 },
];

let sequence = 0;
let sessionCounter = 0;

/** `count` chat fragments of the session's user as mailbox entries, stamped from `at` on. */
function entries(sessionId: string, count: number, offset: number, at: number) {
  return Array.from({ length: count }, (_, index) => {
    const event = { ...message(sessionId, texts[(offset + index) % texts.length]!), at: at + index };
    return { seq: ++sequence, json: JSON.stringify(event) };
  });
}

/** One drain's pure part: apply, then what the commit sends. */
async function drain(version: Version, live: { sessionId: string }, batch: Array<{ seq: number; json: string }>): Promise<string> {
  const applied = await version.applyBatch(live, batch, {
    scorer: version.scorer,
    settings: version.settings,
    rebuild: (persisted: unknown) => version.createLiveSession(live.sessionId, persisted, 1),
  });
  const committedAt = Date.now();
  for (const entry of applied.logEntries) version.logEntryJson(entry, committedAt);
  for (const effect of applied.effects) JSON.stringify(effect);
  return version.encodeSnapshot(applied.persisted).json;
}

/**
 * Runs the drains `groupSize` at a time, as a worker runs the drains of a bunch of arrivals together: the
 * coalescing scorer then scores their texts in one inference call, as in the worker (the latency phase sends
 * 10 events every 10 ms).
 */
async function inGroups(ids: readonly string[], run: (id: string, index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < ids.length; start += groupSize) {
    await Promise.all(ids.slice(start, start + groupSize).map((id, offset) => run(id, start + offset)));
  }
}

/** Prepares `count` drains of `shape` (not measured) and returns the function that runs them. */
async function prepare(version: Version, shape: Shape, count: number): Promise<() => Promise<void>> {
  const ids = Array.from({ length: count }, () => `bench:private:drain${++sessionCounter}`);
  if (shape.held === null) {
    return () => inGroups(ids, (id, index) => drain(version, version.createLiveSession(id, undefined, 0), entries(id, shape.fragments, index, 1_000)));
  }
  const stored: string[] = [];
  for (const [index, id] of ids.entries()) stored.push(await drain(version, version.createLiveSession(id, undefined, 0), entries(id, shape.held, index, 1_000)));
  // Every session runs with the same settings, so any digest resolves to them.
  const settingsOf = () => version.settings;
  return () =>
    inGroups(ids, (id, index) =>
      drain(version, version.createLiveSession(id, version.decodeSnapshot(stored[index]!, settingsOf), 1), entries(id, shape.fragments, index + shape.held!, 2_000)),
    );
}

async function measure(version: Version, shape: Shape): Promise<number> {
  const run = await prepare(version, shape, drainsPerRound);
  const started = process.cpuUsage();
  await run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / drainsPerRound;
}

const versions = [await loadVersion('this checkout', here)];
const tree = baselineRef === undefined ? undefined : baselineTree(baselineRef);
const figures: Record<string, Record<string, number>> = {};
try {
  if (baselineRef !== undefined && tree !== undefined) {
    const label = tree.sha.startsWith(baselineRef) ? tree.sha.slice(0, 7) : `${baselineRef} (${tree.sha.slice(0, 7)})`;
    versions.push(await loadVersion(`baseline ${label}`, tree.root));
  }
  console.log(`drain CPU without I/O, ${rounds} rounds of ${drainsPerRound} drains per shape and version, interleaved; median round (min), µs per drain`);
  for (const shape of shapes) {
    for (const version of versions) await measure(version, shape);
    const results = versions.map(() => [] as number[]);
    for (let index = 0; index < rounds; index++) {
      for (let offset = 0; offset < versions.length; offset++) {
        const which = (index + offset) % versions.length;
        results[which]!.push(await measure(versions[which]!, shape));
      }
    }
    const medians = results.map((list) => percentile(list, 50));
    const parts = versions.map((version, index) => `${version.name} ${round(medians[index]!)} (${round(Math.min(...results[index]!))})`);
    const change = medians.length > 1 ? `; ${round((100 * (medians[0]! - medians[1]!)) / medians[1]!)} % against the baseline` : '';
    console.log(`  ${shape.name}: ${parts.join(', ')}${change}`);
    figures[shape.name] = Object.fromEntries(versions.map((version, index) => [version.name, round(medians[index]!)]));
  }
} finally {
  tree?.remove();
}
console.log(JSON.stringify(figures));
