// Entry of the headless CLI (bin/flowvar.mjs): dispatches on the subcommand through COMMANDS, one
// row per command. Usage errors exit 2, run failures exit 1, and neither prints a stack trace.
import { CliFailure, EXIT, stdio, UsageError, usageFailed, type Io } from './common';
import { FLOWVAR_VERSION } from './rows';

type Command = (args: string[], io: Io) => Promise<number> | number;

/**
 * Every subcommand: its one-line summary and its module, loaded on demand (a command's
 * dependencies load only when it runs). To add a command, add a row.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: { summary: 'train a link, print its metrics (flowvar run --help)', load: async () => (await import('./run')).runCommand },
  sweep: { summary: 'one model per σ, side by side (flowvar sweep --help)', load: async () => (await import('./sweep')).runSweepCommand },
  grid: { summary: 'every combination of settings (and seeds), one process (flowvar grid --help)', load: async () => (await import('./grid')).runGridCommand },
  reflow: { summary: 'ReFlow rounds: one row per round (flowvar reflow --help)', load: async () => (await import('./reflow')).runReflowCommand },
  export: { summary: 'the link\'s run as one PyTorch script (flowvar export --help)', load: async () => (await import('./export')).runExportCommand },
  fields: { summary: 'every setting of the link: default, range, meaning', load: async () => (await import('./fields')).fieldsCommand },
};

export function usage(): string {
  const width = Math.max(...[...Object.keys(COMMANDS), '--version'].map((c) => c.length));
  return [
    'Usage: flowvar <command> "<link>" [flags]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  flowvar ${name.padEnd(width)}  ${c.summary}`),
    `  flowvar ${'--version'.padEnd(width)}  print flowvar's version`,
    '',
    'Every command reads the page\'s share link (its query string; a full URL works too) and prints',
    'rows: a table, or --json (JSON Lines) / --csv for scripts. docs/cli.md has every key.',
    'Exit codes: 0 done, 1 the run failed, 2 bad command line, 130 interrupted (partial rows printed).',
  ].join('\n');
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) { io.err(usage()); return EXIT.usage; }
    if (name === 'help' || name === '--help' || name === '-h') { io.out(usage()); return EXIT.ok; }
    if (name === '--version' || name === '-V') { io.out(FLOWVAR_VERSION); return EXIT.ok; }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : null;
    if (command === null) throw new UsageError(`unknown command ${JSON.stringify(name.slice(0, 40))} (one of ${Object.keys(COMMANDS).join(', ')})`);
    return await (await command.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) return usageFailed(name !== undefined && Object.hasOwn(COMMANDS, name) ? name : '', e, io);
    io.err(`flowvar: ${(e as Error)?.message ?? String(e)}`);
    if (!(e instanceof CliFailure) && process.env.FLOWVAR_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT.failed;
  }
}
