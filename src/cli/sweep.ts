// `flowvar sweep`: train one model per σ side by side on a share link's configuration (same pairs,
// init and batches) and print each σ's final figures: an aligned table, or JSON Lines. Also the
// flag parsing shared with `flowvar reflow` (src/cli/reflow.ts).
import { encodeConfig } from '../link/url';
import { createEngine, openNodeGpu, RunError } from './engine';
import { GpuSweepEngine } from '../engine/gpuSweepEngine';
import { countFlag, engineFlag, UsageError } from './args';
import { readLinkArg, type Io } from './run';
import { SIGMA_RANGE, sigmaInRange, type RunConfig } from '../engine/runConfig';
import { cleanSigmas, DEFAULT_SIGMAS, runSweep, SweepRunner, type SweepEngine, type SweepResult } from '../engine/sweep';

/** Every σ model in one GpuSweepTrainer: each dispatch covers all models (docs/design.md#panels). */
async function gpuSweep(config: RunConfig, sigmas: readonly number[], closers: (() => void)[]): Promise<SweepEngine> {
  const { device, shaders } = await openNodeGpu();
  closers.push(() => device.destroy());
  const engine = await GpuSweepEngine.create(device, config, sigmas, shaders);
  closers.unshift(() => engine.dispose());
  return engine;
}

const stdio: Io = {
  out: (line) => { process.stdout.write(`${line}\n`); },
  err: (line) => { process.stderr.write(`${line}\n`); },
};

export const SWEEP_USAGE = `Usage:
  flowvar sweep "<query string>" [--sigmas 0,1e-3,…] [--steps N] [--engine cpu|gpu] [--chunk K] [--json]

Trains one model per σ on the link's configuration, the same pairs, initial weights and batches,
stepped round-robin K steps at a time, then evaluates each and prints one row per σ:
  sigma, reproduction, chance, partnerDistance, slicedW2, gaussianW2, gradVar, loss
gradVar and loss are means over the last 10 % of the steps.
  --sigmas LIST     comma-separated σ values in [${SIGMA_RANGE.min}, ${SIGMA_RANGE.max}] (default ${DEFAULT_SIGMAS.join(',')})
  --steps N         steps per model (default: the link's steps)
  --engine cpu|gpu  cpu (default: one CpuTrainer per σ, in turn) or gpu (GpuSweepEngine: all σ
                    models in one batched GPU run through Dawn; see README)
  --chunk K         steps per model per turn (default 100)
  --json            JSON Lines, one object per σ
Exit codes: 0 done, 1 the run failed, 2 bad command line.`;

/** A parsed flag list: the positional query and the flags' raw values. */
export interface RawArgs {
  query: string;
  flags: Map<string, string>;
  json: boolean;
  help: boolean;
}

/**
 * The flag handling every job command shares: splits argv, answers --help with `usage` (exit 0),
 * parses with `parse`, and turns a UsageError into its message and the usage on stderr (exit 2).
 * Returns the exit code when the command is done, else the raw flags and the parsed values.
 */
export function parseCommand<T>(name: string, usage: string, argv: readonly string[], allowed: readonly string[], io: Io, parse: (raw: RawArgs) => T): { raw: RawArgs; value: T } | number {
  try {
    const raw = splitArgs(argv, allowed);
    if (raw.help) { io.out(usage); return 0; }
    return { raw, value: parse(raw) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`flowvar ${name}: ${e.message}`);
    io.err(usage);
    return 2;
  }
}

/** A `#` line: on stdout in table mode, on stderr under --json so stdout stays JSON Lines. */
export function commentLine(io: Io, json: boolean, line: string): void {
  if (json) io.err(line); else io.out(line);
}

/** Says why a run failed (the message alone, no stack trace) and gives exit code 1. */
export function runFailed(name: string, e: unknown, io: Io): number {
  io.err(`flowvar ${name}: ${e instanceof RunError ? e.message : (e as Error)?.message ?? String(e)}`);
  return 1;
}

/** Splits argv into one query and `--flag value` / `--flag=value` pairs; `allowed` lists flags taking a value. */
export function splitArgs(argv: readonly string[], allowed: readonly string[]): RawArgs {
  const out: RawArgs = { query: '', flags: new Map(), json: false, help: false };
  let query: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--help' || flag === '-h') { out.help = true; continue; }
    if (flag === '--json') { out.json = true; continue; }
    if (allowed.includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      out.flags.set(flag, value);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown flag ${JSON.stringify(arg.slice(0, 40))}`);
    if (query !== null) throw new UsageError('give one query string (quote it: "seed=3&sigma=0.1")');
    query = arg;
  }
  out.query = query ?? '';
  return out;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** "0,1e-3,0.1" → sorted unique σ values; each must be a decimal number in SIGMA_RANGE. */
export function parseSigmas(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError('--sigmas needs at least one value');
  const values = parts.map((p) => {
    if (!DECIMAL.test(p)) throw new UsageError(`--sigmas: ${JSON.stringify(p.slice(0, 40))} is not a number`);
    const v = Number(p);
    if (!sigmaInRange(v)) throw new UsageError(`--sigmas: ${p} is out of range (${SIGMA_RANGE.min} … ${SIGMA_RANGE.max})`);
    return v;
  });
  const clean = cleanSigmas(values);
  if (clean.length < new Set(values).size) throw new UsageError(`--sigmas: at most ${clean.length} values`);
  return clean;
}

/** Steps to train: the flag, else the link's steps; 0 (train until paused) has no end here. */
export function totalSteps(flag: string | undefined, config: RunConfig): number {
  const total = flag !== undefined ? countFlag('--steps', flag, 1) : config.steps;
  if (total === 0) throw new UsageError('the link has steps=0 (train until paused): give --steps N');
  return total;
}

/** The keys of a sweep row, in column order (a public interface: add at the end, never rename). */
export const SWEEP_KEYS = ['sigma', 'reproduction', 'chance', 'partnerDistance', 'slicedW2', 'gaussianW2', 'gradVar', 'loss'] as const;
export type SweepRow = Record<(typeof SWEEP_KEYS)[number], number | null>;

export function sweepRow(r: SweepResult): SweepRow {
  const m = r.metrics;
  return {
    sigma: r.sigma, reproduction: m.reproduction, chance: m.chance, partnerDistance: m.partnerDistance,
    slicedW2: m.slicedW2, gaussianW2: m.gaussianW2, gradVar: r.gradVar, loss: r.loss,
  };
}

/** A number as a table cell: 4 significant digits, exponent form when tiny or huge, '-' for null. */
export function cell(v: number | null, width: number): string {
  let text: string;
  if (v === null) text = '-';
  else if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e5)) text = String(v);
  else text = Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toPrecision(4);
  return text.padStart(width);
}

/** JSON Lines (NaN and ±Infinity become null) or table lines for rows with the given keys. */
export function formatRows<K extends string>(keys: readonly K[], rows: Record<K, number | null>[], json: boolean): string[] {
  if (json) return rows.map((r) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, r[k] !== null && Number.isFinite(r[k]) ? r[k] : null]))));
  const widths = keys.map((k) => Math.max(11, k.length + 1));
  return [keys.map((k, i) => k.padStart(widths[i])).join(''), ...rows.map((r) => keys.map((k, i) => cell(r[k], widths[i])).join(''))];
}

export async function runSweepCommand(args: string[], io: Io = stdio): Promise<number> {
  const parsed = parseCommand('sweep', SWEEP_USAGE, args, ['--sigmas', '--steps', '--engine', '--chunk'], io, (raw) => {
    const config = readLinkArg(raw.query, io);
    return {
      config,
      sigmas: raw.flags.has('--sigmas') ? parseSigmas(raw.flags.get('--sigmas')!) : [...DEFAULT_SIGMAS],
      total: totalSteps(raw.flags.get('--steps'), config),
      chunk: raw.flags.has('--chunk') ? countFlag('--chunk', raw.flags.get('--chunk')!, 1) : 100,
      engine: engineFlag(raw.flags.get('--engine')),
    };
  });
  if (typeof parsed === 'number') return parsed;
  const { raw, value: { config, sigmas, total, chunk, engine } } = parsed;
  const closers: (() => void)[] = [];
  let deviceName: string = engine;
  const t0 = performance.now();
  try {
    const runner = engine === 'gpu'
      ? await gpuSweep({ ...config, steps: total }, sigmas, closers)
      : await SweepRunner.create({ ...config, steps: total }, sigmas, async (c) => {
        const h = await createEngine(engine, c);
        closers.push(h.close);
        deviceName = h.trainer.deviceName;
        return h.trainer;
      });
    const header = `# flowvar sweep "${encodeConfig(config)}" --sigmas ${runner.sigmas.join(',')} --steps ${total} --engine ${engine}`;
    commentLine(io, raw.json, header);
    const results = (await runSweep(runner, total, { chunk }))!; // no signal: never stopped, never null
    for (const line of formatRows(SWEEP_KEYS, results.map(sweepRow), raw.json)) io.out(line);
    const summary = `# ${runner.sigmas.length} models × ${total} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s (${engine === 'gpu' ? 'GPU, one batched run' : deviceName})`;
    commentLine(io, raw.json, summary);
    return 0;
  } catch (e) {
    return runFailed('sweep', e, io);
  } finally {
    for (const close of closers) close();
  }
}
