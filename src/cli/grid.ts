// `flowvar grid "<link>" --vary width=32,64 --vary lr=1e-3,2e-3 [--seeds K]`: every combination
// of the varied settings (and seeds), trained one after another in one process, one row per run
// per evaluation, labelled (docs/cli.md#flowvar-grid). A shell loop of `flowvar run` pays Node's
// and tsx's start-up per run; the grid pays it once.
import { CONFIG_KEYS, RUN_CONFIG_FIELDS, type ConfigKey, type Field, type RunConfig } from '../engine/runConfig';
import { decodeLink } from '../link/link';
import { english } from '../i18n/message';
import { encodeConfig, formatField } from '../link/url';
import { COMMON_FLAGS, countFlag, engineFlag, evaluationSteps, EXIT, parseCommand, readLink, stdio, UsageError, withJob, type FlagSpec, type Io } from './common';
import { METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity, type Cell } from './rows';
import { openJob } from './job';
import { trainAndEvaluate } from './progress';
import { seedConfigs, seedsFlag, summaryRows } from './seeds';

/** Most runs (cells × seeds) one grid may ask for. */
export const MAX_GRID_RUNS = 4096;

export const GRID_USAGE = `Usage:
  flowvar grid "<link>" --vary KEY=V1,V2,… [--vary KEY=…] [--seeds K] [--steps N] [--eval-every K]
               [--engine cpu|gpu] [--json | --csv] [--out FILE] [--strict]

Trains every combination of the varied settings on the link's configuration, one run after
another in one process, and prints one row per run per evaluation: the row of \`flowvar run\` of
that run's own link, then cell (the combination, e.g. "width=32 lr=0.001") and partial.
  --vary KEY=LIST   a setting of the link (flowvar fields) and its values, comma-separated; each
                    value must be valid as it is (no corrections); repeat for more settings
  --seeds K         K runs per cell on seeds s … s+K−1 from the link's seed (default: the link's
                    seeds=K, else 1), then two summary rows
                    per cell and evaluation: run = "mean" and "std" (n − 1) over the seeds
  --steps N         train the first N steps of each run (default: the run's own steps); the
                    learning-rate schedule still spans the link's steps, as in flowvar run
  --eval-every K    evaluate every K steps as well as at the end
  --engine cpu|gpu  cpu (default): the WebAssembly SIMD kernel; gpu: the WGSL kernels through Dawn
  --json, --csv     JSON Lines or CSV with a header: every key (docs/cli.md#keys)
  --out FILE        write the rows to FILE (comments and progress stay on stderr)
  --strict          any correction of the link is an error (exit 2)
At most ${MAX_GRID_RUNS} runs. Ctrl-C (SIGINT) or SIGTERM evaluates the run in flight, prints it
with partial = true, exit 130.
Exit codes: 0 done, 1 the run failed, 2 bad command line or --strict correction, 130 interrupted.`;

export const GRID_FLAGS = {
  ...COMMON_FLAGS, vary: { type: 'string', multiple: true }, seeds: { type: 'string' }, steps: { type: 'string' }, 'eval-every': { type: 'string' },
} as const satisfies FlagSpec;

/** Keys of a grid row: the row contract, then the cell's label and whether the run was interrupted. */
export const GRID_KEYS = [...ROW_KEYS, 'cell', 'partial'] as const;

/** One varied setting and its values, as the link writes them. */
export interface Axis {
  key: ConfigKey;
  values: string[];
}

/** `--vary KEY=V1,V2`: a known scalar setting and values the link decoder takes as they are. */
export function parseVary(text: string): Axis {
  const eq = text.indexOf('=');
  const key = (eq > 0 ? text.slice(0, eq) : text).trim();
  if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
    const near = CONFIG_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
    throw new UsageError(`--vary ${JSON.stringify(key.slice(0, 40))} is not a setting${near ? ` (did you mean ${near}?)` : ''}; flowvar fields lists them`);
  }
  const field = RUN_CONFIG_FIELDS[key as ConfigKey] as Field;
  if (field.type === 'pairs' || field.type === 'points') throw new UsageError(`--vary ${key}: a list setting cannot be varied`);
  const parts = eq > 0 ? text.slice(eq + 1).split(',').map((p) => p.trim()).filter((p) => p !== '') : [];
  if (parts.length === 0) throw new UsageError(`--vary ${key} needs values: --vary ${key}=V1,V2`);
  const values = parts.map((p) => {
    const { config, corrections } = decodeLink(`${key}=${encodeURIComponent(p)}`);
    if (corrections.length > 0) throw new UsageError(`--vary ${key}=${p}: ${english(corrections[0])}`);
    return formatField(key as ConfigKey, config[key as ConfigKey] as never);
  });
  if (new Set(values).size < values.length) throw new UsageError(`--vary ${key}: a value is given twice`);
  return { key: key as ConfigKey, values };
}

/** One combination: its label and its config (the link with the cell's settings). */
export interface GridCell {
  label: string;
  config: RunConfig;
}

/** Every combination of the axes over `base`, the first axis slowest; each read by the link decoder. */
export function gridCells(base: RunConfig, axes: readonly Axis[]): GridCell[] {
  let cells: { label: string[]; params: string[] }[] = [{ label: [], params: [] }];
  for (const axis of axes) {
    cells = cells.flatMap((c) => axis.values.map((v) => ({ label: [...c.label, `${axis.key}=${v}`], params: [...c.params, `${axis.key}=${encodeURIComponent(v)}`] })));
  }
  const varied = new Set<string>(axes.map((a) => a.key));
  const kept = encodeConfig(base).split('&').filter((p) => !varied.has(p.split('=')[0]));
  return cells.map((c) => {
    const { config, corrections } = decodeLink([...kept, ...c.params].join('&'));
    if (corrections.length > 0) throw new UsageError(`the cell ${c.label.join(' ')}: ${english(corrections[0])}`);
    return { label: c.label.join(' '), config };
  });
}

export function runGridCommand(args: readonly string[], io: Io = stdio): Promise<number> {
  return withJob('grid', io, async ({ signal, own }) => {
    const t0 = performance.now();
    const parsed = parseCommand('grid', GRID_USAGE, args, GRID_FLAGS, io, ({ query, values }) => {
      const output = outputFlags(values);
      const engine = engineFlag(values.engine as string | undefined);
      const vary = (values.vary as string[] | undefined) ?? [];
      if (vary.length === 0) throw new UsageError('give at least one --vary KEY=V1,V2');
      const axes = vary.map(parseVary);
      const keys = axes.map((a) => a.key);
      if (new Set(keys).size < keys.length) throw new UsageError('--vary: a setting is varied twice');
      const evalEvery = values['eval-every'] !== undefined ? countFlag('--eval-every', values['eval-every'] as string, 1) : null;
      const steps = values.steps !== undefined ? countFlag('--steps', values.steps as string, 1) : null;
      const link = readLink(query, io, values.strict === true);
      const seeds = seedsFlag(values.seeds as string | undefined, link.config.seeds);
      if (seeds > 1 && keys.includes('seed')) throw new UsageError('--seeds and --vary seed=… both set the seed: give one');
      const count = axes.reduce((n, a) => n * a.values.length, 1);
      if (count * seeds > MAX_GRID_RUNS) throw new UsageError(`the grid has ${count} cells × ${seeds} seeds = ${count * seeds} runs; it must be ≤ ${MAX_GRID_RUNS}`);
      const cells = gridCells(link.config, axes);
      if (steps === null && cells.some((c) => c.config.steps === 0)) throw new UsageError('a run has steps=0 (train until paused): give --steps N');
      return { ...output, engine, axes, seeds, evalEvery, steps, link, cells };
    });
    if (typeof parsed === 'number') return parsed;
    const { cells, seeds, steps, evalEvery } = parsed;
    const headerFlags = [
      ...parsed.axes.flatMap((a) => ['--vary', `${a.key}=${a.values.join(',')}`]), ...(seeds > 1 ? ['--seeds', seeds] : []),
      ...(steps !== null ? ['--steps', steps] : []), ...(evalEvery !== null ? ['--eval-every', evalEvery] : []), '--engine', parsed.engine,
    ];
    const job = own(await openJob('grid', encodeConfig(parsed.link.config), headerFlags, { ...parsed, corrections: parsed.link.corrections.length }, io));
    job.comment(`# ${cells.length} cells × ${seeds} seed${seeds > 1 ? 's' : ''} = ${cells.length * seeds} runs`);
    const writer = job.writer(GRID_KEYS, [...METRIC_KEYS, 'run']);
    let runs = 0;
    for (const cell of cells) {
      const byStep = new Map<number, Record<string, Cell>[]>();
      for (const config of seedConfigs(cell.config, seeds)) {
        if (performance.now() - t0 > 2000) io.err(`# progress: run ${runs + 1}/${cells.length * seeds} (${cell.label}${seeds > 1 ? ` seed=${config.seed}` : ''})`);
        const identity = runIdentity(config, seeds > 1 ? `${cell.label} seed=${config.seed}` : cell.label, job.source);
        const trainer = await job.engine.trainer(config);
        const at = evaluationSteps(steps ?? config.steps, evalEvery);
        const stopped = await trainAndEvaluate(trainer, config, at, io.err, (metrics, partial) => {
          const row: Record<string, Cell> = { ...metrics, ...identity, cell: cell.label, partial };
          writer.write(row);
          byStep.set(metrics.step!, [...(byStep.get(metrics.step!) ?? []), row]);
        }, signal);
        job.engine.release(trainer);
        runs++;
        if (stopped) return EXIT.interrupted;
      }
      if (seeds > 1) for (const group of byStep.values()) for (const row of summaryRows(group, GRID_KEYS)) writer.write(row);
    }
    job.comment(`# ${runs} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${job.engine.device}`);
    return EXIT.ok;
  });
}
