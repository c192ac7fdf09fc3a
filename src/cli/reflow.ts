// `flowvar reflow`: train a share link's configuration, then K ReFlow rounds (pairs ← where the flow
// takes the training x0's; each round from the same initial weights), printing one row per round.
import { encodeConfig } from '../link/url';
import { createEngine, type EngineHandle } from './engine';
import { countFlag, engineFlag } from './args';
import { readLinkArg, type Io } from './run';
import { ReflowRunner, reflowSettings, type ReflowRound } from '../engine/reflowRounds';
import { commentLine, formatRows, parseCommand, runFailed, totalSteps } from './sweep';

const stdio: Io = {
  out: (line) => { process.stdout.write(`${line}\n`); },
  err: (line) => { process.stderr.write(`${line}\n`); },
};

/** Most reflow rounds one command may ask for. */
export const MAX_REFLOW_ROUNDS = 20;

export const REFLOW_USAGE = `Usage:
  flowvar reflow "<query string>" [--rounds K] [--steps N] [--engine cpu|gpu] [--json]

Trains the link's configuration (round 0), then K times: integrates the learned flow from every
training x0 (the link's integrator and steps), makes the endpoints the new pairs, and trains a
model from the same initial weights on them. One row per round:
  round, pairCost, transportCost, otCost, straightness, reproduction, chance, gaussianW2, slicedW2, gradVar, loss
pairCost is E‖x1 − x0‖² of the round's pairs; transportCost E‖x̂1 − x0‖² of its flow from fresh x0's.
  --rounds K        reflow rounds after round 0 (default 2, at most ${MAX_REFLOW_ROUNDS})
  --steps N         steps per round (default: the link's steps)
  --engine cpu|gpu  cpu (default: CpuTrainer, JavaScript) or gpu (GpuTrainer through Dawn; see README)
  --json            JSON Lines, one object per round
Exit codes: 0 done, 1 the run failed, 2 bad command line.`;

/** The keys of a reflow row, in column order (a public interface: add at the end, never rename). */
export const REFLOW_KEYS = [
  'round', 'pairCost', 'transportCost', 'otCost', 'straightness', 'reproduction', 'chance', 'gaussianW2', 'slicedW2', 'gradVar', 'loss',
] as const;

export function reflowRow(r: ReflowRound): Record<(typeof REFLOW_KEYS)[number], number | null> {
  return {
    round: r.round, pairCost: r.pairCost, transportCost: r.transportCost, otCost: r.otCost, straightness: r.straightness,
    reproduction: r.reproduction, chance: r.chance, gaussianW2: r.gaussianW2, slicedW2: r.slicedW2, gradVar: r.gradVar, loss: r.loss,
  };
}

export async function runReflowCommand(args: string[], io: Io = stdio): Promise<number> {
  const parsed = parseCommand('reflow', REFLOW_USAGE, args, ['--rounds', '--steps', '--engine'], io, (raw) => {
    const config = readLinkArg(raw.query, io);
    return {
      config,
      rounds: raw.flags.has('--rounds') ? countFlag('--rounds', raw.flags.get('--rounds')!, 0, MAX_REFLOW_ROUNDS) : 2,
      steps: totalSteps(raw.flags.get('--steps'), config),
      engine: engineFlag(raw.flags.get('--engine')),
    };
  });
  if (typeof parsed === 'number') return parsed;
  const { raw, value: { config, rounds, steps, engine } } = parsed;
  let handle: EngineHandle | null = null;
  const t0 = performance.now();
  try {
    const run = { ...config, steps };
    handle = await createEngine(engine, run);
    const header = `# flowvar reflow "${encodeConfig(config)}" --rounds ${rounds} --steps ${steps} --engine ${engine} (${handle.trainer.deviceName}; ${handle.trainer.pairs.n} pairs, ${config.integrator} ${config.odeSteps})`;
    commentLine(io, raw.json, header);
    const runner = new ReflowRunner(handle.trainer, reflowSettings(run));
    if (!raw.json) io.out(formatRows(REFLOW_KEYS, [], false)[0]);
    // rows are printed as each round ends: a long run shows progress
    await runner.run(rounds, {
      onRound: (row) => {
        io.out(formatRows(REFLOW_KEYS, [reflowRow(row)], raw.json).at(-1)!);
        if (row.keptPairs > 0) io.err(`# round ${row.round}: ${row.keptPairs} endpoints were not finite; those pairs kept their partner`);
      },
    });
    const summary = `# ${rounds + 1} rounds × ${steps} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    commentLine(io, raw.json, summary);
    return 0;
  } catch (e) {
    return runFailed('reflow', e, io);
  } finally {
    handle?.close();
  }
}
