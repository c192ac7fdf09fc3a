// `npm run bench:sweep [-- --sigmas 4] [--steps 300] [--rounds 3]`: a σ sweep of the CPU engine as
// the page runs it (one worker per σ, each on its share of the cores: bench/sweepThread.ts stands
// in for the page's Web Worker), stepped all at once against the same sweep stepped in turn.
// Rounds interleave the two, so a machine loaded by others slows both alike; prints each time, the
// ratio of the medians (concurrent / in turn) and the median of each round's own ratio.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { WorkerTrainer, type FromWorker, type ToWorker, type WorkerLike } from '../src/engine/workerTrainer';
import { runSweep, SweepRunner } from '../src/engine/sweep';
import { chapterById, chapterConfig } from '../src/story/chapters';
import { flag } from './intFlag';

/** A Node worker thread behind the WorkerLike interface the page's trainer speaks to. */
function nodeWorker(): WorkerLike {
  const w = new Worker(new URL('./sweepThread.mjs', import.meta.url));
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (msg: ToWorker, transfer?: Transferable[]) => w.postMessage(msg, transfer as never),
    terminate: () => void w.terminate(),
  };
  w.on('message', (data: FromWorker) => like.onmessage?.({ data } as MessageEvent<FromWorker>));
  w.on('error', (e: Error) => like.onerror?.({ message: e.message } as ErrorEvent));
  return like;
}

async function timeSweep(sigmas: number[], steps: number, inTurn: boolean): Promise<number> {
  const config = { ...chapterConfig(chapterById('sweep')!, 'cpu'), steps };
  const runner = await SweepRunner.create(config, sigmas, (c) => WorkerTrainer.create(c, nodeWorker(), sigmas.length), steps, { inTurn });
  try {
    await runner.step(5); // kernels loaded and warm in every worker
    const t0 = performance.now();
    await runSweep(runner, steps + 5, { chunk: 25 });
    return (performance.now() - t0) / 1000;
  } finally {
    runner.dispose();
  }
}

async function main(): Promise<void> {
  const models = flag('sigmas', 4), steps = flag('steps', 300), rounds = flag('rounds', 3);
  const sigmas = [0, 1e-3, 1e-2, 0.1, 0.3, 1, 3e-3, 3e-2].slice(0, models);
  const cores = availableParallelism();
  console.log(`σ sweep, ${models} models × ${steps} steps (chapter "sweep", CPU sizes), ${cores} cores, each worker on ${Math.max(1, Math.floor(cores / models))} thread(s)`);
  const times = { together: [] as number[], inTurn: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    // alternate which goes first, so a change in the machine's load falls on both
    for (const inTurn of r % 2 === 0 ? [false, true] : [true, false]) {
      const s = await timeSweep(sigmas, steps, inTurn);
      (inTurn ? times.inTurn : times.together).push(s);
      console.log(`round ${r + 1}  ${inTurn ? 'in turn   ' : 'concurrent'}  ${s.toFixed(2)} s`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const a = median(times.together), b = median(times.inTurn);
  // each round's two runs ran back to back, under about the same load: their ratio is the steadier figure
  const perRound = times.together.map((t, i) => t / times.inTurn[i]);
  console.log(`median: concurrent ${a.toFixed(2)} s, in turn ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)}; median of the rounds' ratios ${median(perRound).toFixed(2)} (${perRound.map((r) => r.toFixed(2)).join(', ')})`);
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
