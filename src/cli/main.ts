// Entry of the headless CLI (bin/flowvar.mjs): dispatch on the subcommand; usage errors exit 2,
// run failures exit 1, and neither prints a stack trace.
import { parseRunArgs, UsageError, USAGE } from './args';
import { RunError } from './engine';
import { runCommand, type Io } from './run';
import { fieldsCommand } from './fields';

const stdio: Io = {
  out: (line) => { process.stdout.write(`${line}\n`); },
  err: (line) => { process.stderr.write(`${line}\n`); },
};

/** Subcommands in their own files, loaded on demand: each may be absent from a checkout. */
const LAZY_COMMANDS: Record<string, { file: string; entry: string }> = {
  sweep: { file: './sweep.ts', entry: 'runSweepCommand' },
  reflow: { file: './reflow.ts', entry: 'runReflowCommand' },
  export: { file: './export.ts', entry: 'runExportCommand' },
};

type Command = (args: string[], io: Io) => Promise<number>;

async function lazyCommand(name: string, args: string[], io: Io): Promise<number> {
  const { file, entry } = LAZY_COMMANDS[name];
  let mod: Record<string, unknown>;
  try {
    // the path is a variable, so TypeScript does not require the file to exist
    mod = (await import(file)) as Record<string, unknown>;
  } catch (e) {
    io.err(`flowvar: ${name} not available (src/cli/${file.slice(2)}: ${(e as Error).message.split('\n')[0]})`);
    return 1;
  }
  const run = mod[entry];
  if (typeof run !== 'function') {
    io.err(`flowvar: ${name} not available (src/cli/${file.slice(2)} exports no ${entry})`);
    return 1;
  }
  return (run as Command)(args, io);
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const parsed = parseRunArgs(rest);
        if (parsed.kind === 'help') { io.out(USAGE); return 0; }
        return await runCommand(parsed.options, io);
      }
      case 'sweep': case 'reflow': case 'export': return await lazyCommand(command, rest, io);
      case 'fields': return fieldsCommand(io);
      case undefined: case 'help': case '--help': case '-h': io.out(USAGE); return command === undefined ? 2 : 0;
      default: throw new UsageError(`unknown command ${JSON.stringify(command.slice(0, 40))}`);
    }
  } catch (e) {
    if (e instanceof UsageError) { io.err(`flowvar: ${e.message}`); io.err(USAGE); return 2; }
    if (e instanceof RunError) { io.err(`flowvar: ${e.message}`); return 1; }
    io.err(`flowvar: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.FLOWVAR_DEBUG) io.err(String((e as Error)?.stack));
    return 1;
  }
}
