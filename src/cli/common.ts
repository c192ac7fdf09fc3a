// What every `flowvar` command shares (docs/cli.md): where it writes, its two kinds of failure,
// flag parsing on node:util's parseArgs with our value checks (a bad flag is one line and exit 2),
// the link argument read by the page's own decoder (strict or lenient), the pasteable header, and
// withJob(): the frame (Ctrl-C, closing, the failure exit) of every command that trains.
import { parseArgs } from 'node:util';
import { decodeLink, type DecodedLink } from '../link/link';
import { english } from '../i18n/message';
import { interruptSignal } from './interrupt';

/** Where a command writes: one line at a time (tests capture them). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const stdio: Io = {
  out: (line) => { process.stdout.write(`${line}\n`); },
  err: (line) => { process.stderr.write(`${line}\n`); },
};

/** A bad command line: the command prints the message and a pointer to its --help, exit code 2. */
export class UsageError extends Error {}

/** A failure the user can act on (no GPU, unreadable file): the message alone, no stack trace, exit code 1. */
export class CliFailure extends Error {}

/** Exit codes of every command (docs/cli.md#exit-codes). */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Most steps one command may ask for (keeps a typo from running for days). */
export const MAX_CLI_STEPS = 10_000_000;

const quoted = (text: string) => JSON.stringify(text.slice(0, 40));

/** A whole-number flag in [min, max]; the message names the bound it breaks. */
export function countFlag(flag: string, text: string, min: number, max = MAX_CLI_STEPS): number {
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a whole number ≥ ${min}, not ${quoted(text)}`);
  const n = Number(text);
  if (n < min) throw new UsageError(`${flag} must be ≥ ${min}, not ${text.trim()}`);
  if (n > max) throw new UsageError(`${flag} must be ≤ ${max}, not ${text.trim()}`);
  return n;
}

export type EngineName = 'cpu' | 'gpu';

/** --engine's value; absent means cpu. */
export function engineFlag(text: string | undefined): EngineName {
  if (text === undefined) return 'cpu';
  if (text !== 'cpu' && text !== 'gpu') throw new UsageError(`--engine must be cpu or gpu, not ${quoted(text)}`);
  return text;
}

/** A flag a command accepts: a value (string, possibly repeated) or an on/off switch. */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** The flags of every command that trains: output, strictness, weights (docs/cli.md#flags-every-command-shares). */
export const COMMON_FLAGS = {
  json: { type: 'boolean' }, csv: { type: 'boolean' }, out: { type: 'string' }, strict: { type: 'boolean' },
  engine: { type: 'string' },
} as const satisfies FlagSpec;

export interface ParsedFlags {
  /** the positional argument (the link), '' when absent */
  query: string;
  values: Record<string, string | boolean | string[] | undefined>;
}

/**
 * argv through parseArgs (strict). `--flag value` is joined into `--flag=value` first, so a value
 * that starts with a dash (`--steps -5`) reaches the value check, which names the bound.
 */
export function parseFlags(argv: readonly string[], spec: FlagSpec): ParsedFlags {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    if (name !== null && spec[name]?.type === 'string') {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      args.push(`--${name}=${argv[++i]}`);
    } else args.push(arg);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...spec, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const arg = /'([^']*)'/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown flag ${quoted(arg)}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${arg.split(' ')[0]} takes no value`);
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  for (const [name, v] of Object.entries(parsed.values)) {
    const values = Array.isArray(v) ? v : [v];
    if (values.some((x) => x === '')) throw new UsageError(`--${name} needs a value`);
  }
  if (parsed.positionals.length > 1) throw new UsageError('give one link (quote it: "seed=3&sigma=0.1")');
  return { query: parsed.positionals[0] ?? '', values: parsed.values as ParsedFlags['values'] };
}

/**
 * The flag handling of every command: --help prints `usage` (exit 0); a UsageError from parsing
 * or from `parse` prints one line and a pointer to --help (exit 2). Returns the exit code when the
 * command is done, else the parsed values.
 */
export function parseCommand<T>(name: string, usage: string, argv: readonly string[], spec: FlagSpec, io: Io, parse: (flags: ParsedFlags) => T): T | number {
  try {
    const flags = parseFlags(argv, spec);
    if (flags.values.help === true) { io.out(usage); return EXIT.ok; }
    return parse(flags);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return usageFailed(name, e, io);
  }
}

/** One line saying what is wrong, one saying where the help is; exit code 2. */
export function usageFailed(name: string, e: UsageError, io: Io): number {
  const command = name === '' ? 'flowvar' : `flowvar ${name}`;
  io.err(`${command}: ${e.message}`);
  io.err(`see \`${command} --help\``);
  return EXIT.usage;
}

/** Says why a run failed (the message alone, no stack trace) and gives exit code 1. */
export function runFailed(name: string, e: unknown, io: Io): number {
  if (e instanceof UsageError) return usageFailed(name, e, io);
  io.err(`flowvar ${name}: ${e instanceof Error ? e.message : String(e)}`);
  if (!(e instanceof CliFailure) && process.env.FLOWVAR_DEBUG) io.err(String((e as Error)?.stack));
  return EXIT.failed;
}

/** What withJob() hands a command's body. */
export interface JobScope {
  /** aborted by the first SIGINT/SIGTERM: the body evaluates what has trained, prints it and returns EXIT.interrupted */
  signal: AbortSignal;
  /** closes `job` (src/cli/job.ts) when the command ends, however it ends; returns it */
  own<T extends { close(): void }>(job: T): T;
}

/**
 * Runs the body of the command `name`: Ctrl-C handling (src/cli/interrupt.ts) while it runs, the
 * jobs it opened closed after it, and a thrown error turned into one line on stderr and its exit
 * code (runFailed). Returns the body's exit code otherwise.
 */
export async function withJob(name: string, io: Io, body: (scope: JobScope) => Promise<number>): Promise<number> {
  const interrupt = interruptSignal();
  const jobs: { close(): void }[] = [];
  try {
    return await body({ signal: interrupt.signal, own: (job) => { jobs.push(job); return job; } });
  } catch (e) {
    return runFailed(name, e, io);
  } finally {
    interrupt.dispose();
    for (const job of jobs.reverse()) job.close();
  }
}

/** A link as typed, with how many changes the decoder made to it (each one printed once on stderr). */
export interface ReadLink extends DecodedLink {
  /** the link as typed ('' = the defaults) */
  typed: string;
}

/**
 * The link argument, read by the page's own decoder (decodeLink): each change is printed to
 * stderr as `correction: …`. Under `strict` any change is a UsageError (exit 2), so a typo
 * (`sigam=0.3`) can never become a silently different run.
 */
export function readLink(typed: string, io: Io, strict: boolean): ReadLink {
  const link = decodeLink(typed);
  for (const c of link.corrections) io.err(`correction: ${english(c)}`);
  if (strict && link.corrections.length > 0) {
    const n = link.corrections.length;
    throw new UsageError(`--strict: the link needed ${n} correction${n === 1 ? '' : 's'} (listed above); fix the link or drop --strict`);
  }
  return { ...link, typed };
}

/** Steps at which to evaluate: every K (when given) and always the last. */
export function evaluationSteps(total: number, every: number | null): number[] {
  const out: number[] = [];
  if (every !== null) for (let s = every; s < total; s += every) out.push(s);
  out.push(total);
  return out;
}

/** Steps to train: --steps, else the link's steps; 0 (train until paused) has no end here, so it needs --steps. */
export function totalSteps(flag: string | undefined, linkSteps: number, min = 1): number {
  const total = flag !== undefined ? countFlag('--steps', flag, min) : linkSteps;
  if (flag === undefined && total === 0) throw new UsageError('the link has steps=0 (train until paused): give --steps N');
  return total;
}

/** A word as the shell reads it: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that reproduces a command's rows, pasteable into a shell (after the `# `). */
export function commandLine(name: string, link: string, flags: readonly (string | number)[]): string {
  return ['flowvar', name, link, ...flags.map(String)].map(shellWord).join(' ');
}

/** A `#` line: on stdout in table mode, on stderr when stdout holds data (JSON Lines, CSV) or goes to a file. */
export function commentLine(io: Io, toStderr: boolean, line: string): void {
  if (toStderr) io.err(line); else io.out(line);
}
