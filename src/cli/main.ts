/**
 * The `kizuna` command line: parses the command name and hands the rest to the command's module.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { toErrorInfo } from '../errors.js';

export interface CommandModule {
  /** One line shown by `kizuna help`. */
  summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<CommandModule>> = {
  start: async () => (await import('./start-command.js')).startCommand,
  worker: async () => (await import('./worker-command.js')).workerCommand,
  replay: async () => (await import('./replay-command.js')).replayCommand,
  classify: async () => (await import('./classify-command.js')).classifyCommand,
};

/** Runs `kizuna <command> [...args]` and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return printHelp();
  const load = commands[name];
  if (load === undefined) {
    process.stderr.write(`kizuna: unknown command "${name}" (try: kizuna help)\n`);
    return 2;
  }
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`usage: kizuna ${name} [options]\n  ${command.summary}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (error) {
    const info = toErrorInfo(error);
    process.stderr.write(`kizuna ${name}: ${info.message}\n`);
    return 1;
  }
}

async function printHelp(): Promise<number> {
  const lines = ['usage: kizuna <command> [options]', ''];
  for (const [name, load] of Object.entries(commands)) {
    const summary = await load().then(
      (module) => module.summary,
      () => '(unavailable)',
    );
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Parses command options with node:util, failing with a readable message on unknown flags. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}
