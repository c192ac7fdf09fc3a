// A CPU worker that dies is noticed (src/engine/workerTrainer.ts): one terminated without a word
// (as the browser ends a worker out of memory) leaves its request unanswered, and the watchdog
// rejects it and calls onFatal once; a crash between requests (the worker's error event) does too.
// The fake worker runs a real CpuTrainer in this thread and answers like src/engine/cpuWorker.ts.
import { describe, expect, it } from 'vitest';
import { WorkerTrainer, type FromWorker, type ToWorker, type WorkerLike } from '../../src/engine/workerTrainer';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';

const TINY: RunConfig = { ...defaultConfig(), width: 8, depth: 1, batch: 8, pairs: 8, particles: 8, odeSteps: 2 };

class FakeWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  private trainer: CpuTrainer | null = null;
  postMessage(msg: ToWorker): void {
    if (this.terminated) return; // a dead worker takes messages and never answers
    setTimeout(() => {
      if (this.terminated) return;
      const reply = (data: FromWorker) => this.onmessage?.({ data } as MessageEvent<FromWorker>);
      if (msg.type === 'init') { this.trainer = new CpuTrainer(msg.config); reply({ type: 'ready', deviceName: 'fake' }); }
      if (msg.type === 'step') reply({ type: 'snapshot', id: msg.id, snapshot: this.trainer!.stepSync(msg.n) });
    }, 1);
  }
  terminate(): void { this.terminated = true; }
}

describe('WorkerTrainer: a lost worker', () => {
  it('terminated without a word: the pending step rejects after stallMs, onFatal says so once, later requests reject at once', async () => {
    const worker = new FakeWorker();
    const trainer = await WorkerTrainer.create(TINY, worker);
    trainer.stallMs = 200;
    const fatal: string[] = [];
    trainer.onFatal = (m) => fatal.push(m);
    expect((await trainer.step(3)).step).toBe(3);
    trainer.killWorkerForTest();
    const t0 = performance.now();
    await expect(trainer.step(1)).rejects.toThrow(/the CPU worker stopped answering \(no reply in \d+ s\)/);
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(200);
    expect(waited).toBeLessThan(5000);
    expect(fatal).toHaveLength(1);
    await expect(trainer.step(1)).rejects.toThrow('the CPU worker is gone');
    expect(fatal).toHaveLength(1);
    trainer.dispose();
  });

  it('a crash between requests (the error event) calls onFatal; a slow but live worker is not declared dead', async () => {
    const worker = new FakeWorker();
    const trainer = await WorkerTrainer.create(TINY, worker);
    const fatal: string[] = [];
    trainer.onFatal = (m) => fatal.push(m);
    trainer.stallMs = 50;
    // replies of 1 ms to 20 ms stay under 20 × the slowest reply: no false alarm over 40 steps
    for (let i = 0; i < 40; i++) await trainer.step(1);
    expect(fatal).toEqual([]);
    worker.onerror?.({ message: 'RuntimeError: unreachable executed' } as ErrorEvent);
    expect(fatal).toEqual(['RuntimeError: unreachable executed']);
    expect(worker.terminated).toBe(true);
    trainer.dispose();
  });
});
