// WorkerTrainer: the Trainer interface over a Web Worker running CpuTrainer (src/engine/cpuWorker.ts),
// so the CPU engine never blocks the page. The protocol is one discriminated union per direction
// (docs/design.md#one-message-union-per-direction); every switch on it ends in an exhaustive `never` check.
import type { RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, Trainer, TrainSnapshot, Trajectories } from './trainer';
import type { PairSet } from '../math/couplings';
import type { TrainState } from './trainState';
import { makePairs } from '../math/couplings';
import { worldSpec } from './world';

/** Messages from the page to the worker. `id` pairs a request with its reply. */
export type ToWorker =
  /** coreShare: how many CPU workers train at once (each runs on its part of the cores) */
  | { type: 'init'; config: RunConfig; coreShare?: number }
  | { type: 'step'; id: number; n: number }
  | { type: 'setLive'; settings: Partial<LiveSettings> }
  | { type: 'evaluate'; id: number }
  | { type: 'integrate'; id: number; req: IntegrateRequest }
  | { type: 'setPairs'; pairs: PairSet }
  | { type: 'weights'; id: number }
  | { type: 'trainState'; id: number }
  | { type: 'setWeights'; state: TrainState }
  | { type: 'reset' };

/** Messages from the worker to the page. */
export type FromWorker =
  | { type: 'ready'; deviceName: string }
  | { type: 'snapshot'; id: number; snapshot: TrainSnapshot }
  | { type: 'evaluation'; id: number; evaluation: Evaluation }
  | { type: 'trajectories'; id: number; trajectories: Trajectories }
  | { type: 'weights'; id: number; theta: Float32Array }
  | { type: 'trainState'; id: number; state: TrainState }
  | { type: 'error'; id: number | null; message: string };

/** The buffers a reply hands over instead of copying (the worker made them for this reply alone). */
export function replyTransfers(msg: FromWorker): ArrayBuffer[] {
  switch (msg.type) {
    case 'evaluation': return [msg.evaluation.trainPaths.path.buffer as ArrayBuffer, msg.evaluation.freshPaths.path.buffer as ArrayBuffer];
    case 'trajectories': return [msg.trajectories.path.buffer as ArrayBuffer];
    case 'weights': return [msg.theta.buffer as ArrayBuffer];
    case 'trainState': return stateBuffers(msg.state);
    case 'ready':
    case 'snapshot':
    case 'error':
      return [];
    default: {
      const unknown: never = msg;
      throw new Error(`invalid worker reply: ${JSON.stringify(unknown)}`);
    }
  }
}

/** θ's and the moments' buffers, to move a train state made for one message. */
function stateBuffers(state: TrainState): ArrayBuffer[] {
  return [state.theta, state.m, state.v].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));
}

/** The part of the Worker API the trainer uses (a fake can stand in for tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  /** when it was sent (performance.now()) */
  sent: number;
}

/**
 * A worker that was terminated (by the browser, out of memory) or whose WebAssembly threads hang
 * sends nothing at all: a request with no reply after this long, and after 20 times the slowest
 * reply so far, means the worker is gone.
 */
export const WORKER_STALL_MS = 30_000;
/** How often the watchdog looks at the oldest pending request. */
const WATCHDOG_MS = 1000;

export function spawnCpuWorker(): WorkerLike {
  return new Worker(new URL('./cpuWorker.ts', import.meta.url), { type: 'module', name: 'flowvar-cpu' }) as unknown as WorkerLike;
}

export class WorkerTrainer implements Trainer {
  readonly kind = 'cpu' as const;
  deviceName = 'CPU (JavaScript, Web Worker)';
  pairs: PairSet;
  stepCount = 0;
  private readonly worker: WorkerLike;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  /** called once when the worker is lost (crashed, or no reply within stallMs); pending requests reject too */
  onFatal: ((message: string) => void) | null = null;
  /** no reply for this long means the worker is gone (tests lower it) */
  stallMs = WORKER_STALL_MS;
  private slowestReplyMs = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lost = false;

  private constructor(worker: WorkerLike, config: RunConfig) {
    this.worker = worker;
    // The pairs are a pure function of (world, seed): rebuilt here for drawing, no transfer needed.
    this.pairs = makePairs(worldSpec(config), config.seed);
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => this.fail(null, ev.message || 'the CPU worker failed to start');
  }

  /** Starts a worker, sends the config and resolves once it is ready; `coreShare` as in ToWorker 'init'. */
  static create(config: RunConfig, worker: WorkerLike = spawnCpuWorker(), coreShare = 1): Promise<WorkerTrainer> {
    const trainer = new WorkerTrainer(worker, config);
    return new Promise((resolve, reject) => {
      trainer.track(0, ((name: string) => { trainer.deviceName = name; resolve(trainer); }) as (v: never) => void, reject);
      worker.postMessage({ type: 'init', config, coreShare });
    });
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready': return this.settle(0, msg.deviceName);
      case 'snapshot':
        this.stepCount = msg.snapshot.step;
        return this.settle(msg.id, msg.snapshot);
      case 'evaluation': return this.settle(msg.id, msg.evaluation);
      case 'trajectories': return this.settle(msg.id, msg.trajectories);
      case 'weights': return this.settle(msg.id, msg.theta);
      case 'trainState': return this.settle(msg.id, msg.state);
      case 'error': return this.fail(msg.id, msg.message);
      default: {
        const unknown: never = msg;
        console.warn('flowvar: unknown worker message', unknown);
      }
    }
  }

  private settle(id: number, value: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    // init (id 0) fetches and compiles the kernel: not a measure of how long a request takes
    if (id !== 0) this.slowestReplyMs = Math.max(this.slowestReplyMs, performance.now() - p.sent);
    this.stopWatchdogWhenIdle();
    p.resolve(value as never);
  }

  private fail(id: number | null, message: string): void {
    if (id !== null && this.pending.has(id)) {
      this.pending.get(id)!.reject(new Error(message));
      this.pending.delete(id);
      this.stopWatchdogWhenIdle();
      return;
    }
    this.die(message);
  }

  /** The worker is gone (a crash outside a request, or silence): every pending request and onFatal learn of it, once. */
  private die(message: string): void {
    if (this.lost || this.disposed) return;
    this.lost = true;
    this.worker.terminate();
    const error = new Error(message);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.stopWatchdogWhenIdle();
    this.onFatal?.(message);
  }

  private checkStall(): void {
    const limit = Math.max(this.stallMs, 20 * this.slowestReplyMs);
    const now = performance.now();
    for (const p of this.pending.values()) {
      if (now - p.sent > limit) return this.die(`the CPU worker stopped answering (no reply in ${Math.round((now - p.sent) / 1000)} s)`);
    }
  }

  private stopWatchdogWhenIdle(): void {
    if (this.pending.size > 0 || this.watchdog === null) return;
    clearInterval(this.watchdog);
    this.watchdog = null;
  }

  private request<T>(build: (id: number) => ToWorker, transfer: Transferable[] = []): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('trainer disposed'));
    if (this.lost) return Promise.reject(new Error('the CPU worker is gone'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.track(id, resolve as (v: never) => void, reject);
      this.worker.postMessage(build(id), transfer);
    });
  }

  /** Waits for the reply `id`, under the watchdog. */
  private track(id: number, resolve: Pending['resolve'], reject: Pending['reject']): void {
    this.pending.set(id, { resolve, reject, sent: performance.now() });
    this.watchdog ??= setInterval(() => this.checkStall(), Math.min(WATCHDOG_MS, this.stallMs));
  }

  /**
   * Test hook: ends the worker as the browser would (out of memory), without telling this
   * trainer; the watchdog has to notice.
   */
  killWorkerForTest(): void {
    this.worker.terminate();
  }

  step(n: number): Promise<TrainSnapshot> {
    return this.request((id) => ({ type: 'step', id, n }));
  }

  setLive(settings: Partial<LiveSettings>): void {
    if (!this.disposed) this.worker.postMessage({ type: 'setLive', settings });
  }

  evaluate(): Promise<Evaluation> {
    return this.request((id) => ({ type: 'evaluate', id }));
  }

  integrate(req: IntegrateRequest): Promise<Trajectories> {
    const start = req.start.slice();
    return this.request((id) => ({ type: 'integrate', id, req: { ...req, start } }), [start.buffer]);
  }

  setPairs(pairs: PairSet): void {
    this.pairs = pairs;
    if (!this.disposed) this.worker.postMessage({ type: 'setPairs', pairs });
  }

  weights(): Promise<Float32Array> {
    return this.request((id) => ({ type: 'weights', id }));
  }

  trainState(): Promise<TrainState> {
    return this.request((id) => ({ type: 'trainState', id }));
  }

  /** Continue from a train state (e.g. the last one read from a lost GPU device); its arrays are copied, then moved. */
  setWeights(state: TrainState): void {
    this.stepCount = state.step;
    const copy: TrainState = { step: state.step, theta: state.theta.slice(), m: state.m?.slice(), v: state.v?.slice() };
    if (!this.disposed) this.worker.postMessage({ type: 'setWeights', state: copy }, stateBuffers(copy));
  }

  reset(): void {
    this.stepCount = 0;
    if (!this.disposed) this.worker.postMessage({ type: 'reset' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('trainer disposed'));
    this.pending.clear();
  }
}
