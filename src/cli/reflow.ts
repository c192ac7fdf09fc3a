// `flowvar reflow`: train a share link's configuration, then K ReFlow rounds (pairs ← where the flow
// takes the training x0's; each round from the same initial weights), printing one row per round
// as it ends (docs/cli.md#flowvar-reflow).
import { encodeConfig } from '../link/url';
import { ReflowRunner, reflowSettings, type ReflowRound } from '../engine/reflowRounds';
import { COMMON_FLAGS, countFlag, engineFlag, EXIT, parseCommand, readLink, stdio, totalSteps, withJob, type FlagSpec, type Io } from './common';
import { metricRow, METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity, type Cell, type RunIdentity } from './rows';
import { openJob } from './job';

/** Most reflow rounds one command may ask for. */
export const MAX_REFLOW_ROUNDS = 20;

/** Steps between two looks at Ctrl-C (the page's ReFlow chunk): any chunk gives the same numbers. */
const INTERRUPT_CHUNK = 50;

export const REFLOW_USAGE = `Usage:
  flowvar reflow "<link>" [--rounds K] [--steps N] [--engine cpu|gpu] [--json | --csv] [--out FILE] [--strict]

Trains the link's configuration (round 0), then K times: integrates the learned flow from every
training x0 (the link's integrator and steps), makes the endpoints the new pairs, and trains a
model from the same initial weights on them. One row per round: the row of \`flowvar run\`, then
round, pairCost (E‖x1 − x0‖² of the round's pairs), lossTail and gradVarTail (means over the
last 10 % of the round's steps).
  --rounds K        reflow rounds after round 0 (default 2, at most ${MAX_REFLOW_ROUNDS})
  --steps N         steps per round: the first N steps of the link's run (default: the link's
                    steps); the learning-rate schedule still spans the link's steps
  --engine cpu|gpu  cpu (default): the WebAssembly SIMD kernel; gpu: the WGSL kernels through Dawn
  --json, --csv     JSON Lines or CSV with a header: every key (docs/cli.md#keys)
  --out FILE        write the rows to FILE (comments and progress stay on stderr)
  --strict          any correction of the link is an error (exit 2)
Ctrl-C (SIGINT) or SIGTERM evaluates the round in flight where it is and prints its row (its step
is below --steps), exit 130.
Exit codes: 0 done, 1 the run failed, 2 bad command line or --strict correction, 130 interrupted.`;

/** Keys of a reflow row: the row contract, then the round's own figures. */
export const REFLOW_KEYS = [...ROW_KEYS, 'round', 'pairCost', 'lossTail', 'gradVarTail'] as const;

export const REFLOW_FLAGS = { ...COMMON_FLAGS, rounds: { type: 'string' }, steps: { type: 'string' } } as const satisfies FlagSpec;

export function reflowRow(r: ReflowRound, identity: RunIdentity): Record<string, Cell> {
  const stepsPerSec = r.trainSeconds > 0 ? r.steps / r.trainSeconds : null;
  return { ...metricRow(r.metrics, r.last, stepsPerSec), ...identity, run: `round=${r.round}`, round: r.round, pairCost: r.pairCost, lossTail: r.loss, gradVarTail: r.gradVar };
}

export async function runReflowCommand(args: readonly string[], io: Io = stdio): Promise<number> {
  const parsed = parseCommand('reflow', REFLOW_USAGE, args, REFLOW_FLAGS, io, ({ query, values }) => {
    const output = outputFlags(values);
    const engine = engineFlag(values.engine as string | undefined);
    const rounds = values.rounds !== undefined ? countFlag('--rounds', values.rounds as string, 0, MAX_REFLOW_ROUNDS) : 2;
    const link = readLink(query, io, values.strict === true);
    return { ...output, engine, rounds, link, steps: totalSteps(values.steps as string | undefined, link.config.steps) };
  });
  if (typeof parsed === 'number') return parsed;
  const { link: { config }, rounds, steps } = parsed;
  return withJob('reflow', io, async ({ signal, own }) => {
    const t0 = performance.now();
    const job = own(await openJob('reflow', encodeConfig(config), ['--rounds', rounds, '--steps', steps, '--engine', parsed.engine], { ...parsed, corrections: parsed.link.corrections.length }, io));
    const trainer = await job.engine.trainer(config);
    job.comment(`# ${trainer.pairs.n} pairs; endpoints by ${config.integrator} ${config.odeSteps}`);
    const identity = runIdentity(config, null, job.source);
    const writer = job.writer(REFLOW_KEYS, ['round', 'pairCost', ...METRIC_KEYS, 'lossTail', 'gradVarTail']);
    const runner = new ReflowRunner(trainer, reflowSettings(config, steps));
    // rows are printed as each round ends: a long run shows progress
    await runner.run(rounds, {
      chunk: INTERRUPT_CHUNK, signal, measureStopped: true,
      // the CPU engine steps synchronously: yield so a SIGINT handler can run between chunks
      onProgress: () => new Promise((resolve) => { setImmediate(resolve); }),
      onRound: (row) => {
        if (row.steps < steps) io.err(`# interrupted in round ${row.round} at step ${row.steps} of ${steps}: its row is what had trained`);
        writer.write(reflowRow(row, identity));
        if (row.keptPairs > 0) io.err(`# round ${row.round}: ${row.keptPairs} endpoints were not finite; those pairs kept their partner`);
      },
    });
    if (signal.aborted) return EXIT.interrupted;
    job.comment(`# ${rounds + 1} rounds × ${steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${job.engine.device}`);
    return EXIT.ok;
  });
}
