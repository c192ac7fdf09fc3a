// Flag parsing of the headless CLI (docs/cli.md). Pure: argv in, options or a usage error out.

export type EngineName = 'cpu' | 'gpu';

export interface RunOptions {
  /** the link's query string (bare, `?…` or a full URL); '' = defaults */
  query: string;
  /** steps to train; null = the config's `steps` */
  steps: number | null;
  engine: EngineName;
  /** evaluate every K steps (and at the end); null = only at the end */
  evalEvery: number | null;
  json: boolean;
}

export type ParsedRun = { kind: 'run'; options: RunOptions } | { kind: 'help' };

/** A bad command line: main prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {}

/** Most steps one command may ask for (keeps a typo from running for days). */
export const MAX_CLI_STEPS = 10_000_000;

/** A whole number flag in [min, max]. */
export function countFlag(flag: string, text: string, min: number, max = MAX_CLI_STEPS): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} ${JSON.stringify(text.slice(0, 40))} is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${flag} ${text} is out of range (${min} … ${max})`);
  return n;
}

/** --engine's value; absent means cpu. */
export function engineFlag(text: string | undefined): EngineName {
  if (text === undefined) return 'cpu';
  if (text !== 'cpu' && text !== 'gpu') throw new UsageError(`--engine must be cpu or gpu, not ${JSON.stringify(text.slice(0, 40))}`);
  return text;
}

function parseCount(flag: string, text: string | undefined, min: number): number {
  if (text === undefined || text === '') throw new UsageError(`${flag} needs a value`);
  return countFlag(flag, text, min);
}

/** Parses the arguments after `run`. Accepts `--flag value` and `--flag=value`. */
export function parseRunArgs(argv: readonly string[]): ParsedRun {
  const options: RunOptions = { query: '', steps: null, engine: 'cpu', evalEvery: null, json: false };
  let query: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--help': case '-h': return { kind: 'help' };
      case '--json': options.json = true; break;
      case '--steps': options.steps = parseCount('--steps', value(), 0); break;
      case '--eval-every': options.evalEvery = parseCount('--eval-every', value(), 1); break;
      case '--engine': options.engine = engineFlag(value() ?? ''); break;
      default:
        if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown flag ${JSON.stringify(arg.slice(0, 40))}`);
        if (query !== null) throw new UsageError('give one query string (quote it: "seed=3&sigma=0.1")');
        query = arg;
    }
  }
  options.query = query ?? '';
  return { kind: 'run', options };
}

export const USAGE = `Usage:
  flowvar run "<query string>" [--steps N] [--engine cpu|gpu] [--eval-every K] [--json]
  flowvar fields          list every setting of the query string (default, range)
  flowvar sweep …         σ sweep: one row per σ (flowvar sweep --help)
  flowvar reflow …        ReFlow rounds: one row per round (flowvar reflow --help)
  flowvar --help

run trains the configuration of a share link headless and prints metrics every K steps and at
the end: an aligned table, or with --json one JSON object per evaluation per line.
  "<query string>"  the link's settings, e.g. "seed=3&coupling=rotated&pairs=256&sigma=0.3"
                    (a full URL or a leading ? or # is fine; omitted = the defaults)
  --steps N         steps to train (default: the link's steps)
  --engine cpu|gpu  cpu (default: CpuTrainer, JavaScript) or gpu (GpuTrainer: the WGSL kernels
                    through Dawn, the webgpu package; see README)
  --eval-every K    evaluate every K steps as well as at the end
  --json            JSON Lines: step, loss, gradVar, reproduction, chance, partnerDistance,
                    slicedW2, gaussianW2, straightness, transportCost, otCost, stepsPerSec
A link with compare=<key>[:<value>] (sigma, interpolant, width, lr, phi) trains two runs in
lockstep and prints one row per run per evaluation, with one more key at the end: run.
Exit codes: 0 done, 1 the run failed (e.g. no GPU), 2 bad command line.`;
