// The field jobs: keep the engine-computed pictures of the plane panels up to date. When their
// inputs change in the store (new weights of the run or of the compare runs, the scrubbed t, the
// plane a panel shows, the pairs, the crossing settings), ask the FieldProbe (a Web Worker on the page, in-process in Node) and store
// the answer; an answer to an older request is dropped. Panels only draw what lands in the store.
import type { FieldProbe } from '../engine/fieldProbe';
import { effectiveSigma } from '../engine/world';
import type { AppStore, Store } from './store';

export interface FieldJobsDeps {
  store: AppStore;
  probe: FieldProbe;
}

type Job = 'quiver' | 'compareQuivers' | 'distance' | 'crossing';

/** The store values each job's answer depends on; a change of any (by identity) asks again. */
const INPUTS: Record<Job, (s: Store) => readonly unknown[]> = {
  quiver: (s) => [s.weights, s.tScrub, s.layers.quiver, s.planeDomains.flow, s.config.width, s.config.depth, s.config.activation, s.config.fourier],
  // each run's weights and config (width, activation… may differ between A and B)
  compareQuivers: (s) => [s.tScrub, s.layers.quiver, s.planeDomains.compare, ...s.compareState.runs.flatMap((r) => [r.weights, r.config])],
  distance: (s) => [s.weights, s.overlay.kind, s.planeDomains.flow, s.config],
  crossing: (s) => [s.pairs, s.crossing.t, s.crossing.gridSize, s.config.interpolant, effectiveSigma(s.config), s.config.seed, s.planeDomains.crossing],
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class FieldJobs {
  private readonly last: Partial<Record<Job, readonly unknown[]>> = {};
  private readonly latest: Record<Job, number> = { quiver: 0, compareQuivers: 0, distance: 0, crossing: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: FieldJobsDeps) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.deps.store.subscribe((s) => this.sync(s));
    this.sync(this.deps.store.getState());
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Resolves once every request asked so far has been answered (tests). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private sync(s: Store): void {
    for (const job of Object.keys(INPUTS) as Job[]) {
      const now = INPUTS[job](s), before = this.last[job];
      if (before && before.length === now.length && now.every((v, i) => Object.is(v, before[i]))) continue;
      this.last[job] = now;
      this.ask(job, s);
    }
  }

  private ask(job: Job, s: Store): void {
    const id = ++this.latest[job];
    const set = (part: Partial<Store>) => { if (this.latest[job] === id) this.deps.store.setState(part); };
    const work = this.answer(job, s, set).catch((e: unknown) => console.warn(`flowvar: the ${job} probe failed:`, messageOf(e)));
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async answer(job: Job, s: Store, set: (part: Partial<Store>) => void): Promise<void> {
    const { probe } = this.deps;
    if (job === 'quiver') {
      const plane = s.planeDomains.flow;
      if (!s.layers.quiver || !s.weights || !plane) return set({ quiver: null });
      return set({ quiver: await probe.quiver({ config: s.config, theta: s.weights.theta, x: plane.x, y: plane.y, t: s.tScrub }) });
    }
    if (job === 'compareQuivers') {
      const plane = s.planeDomains.compare;
      if (!s.layers.quiver || !plane) return set({ compareQuivers: [] });
      const quivers = s.compareState.runs.map((r) => (r.weights ? probe.quiver({ config: r.config, theta: r.weights, x: plane.x, y: plane.y, t: s.tScrub }) : null));
      return set({ compareQuivers: await Promise.all(quivers) });
    }
    if (job === 'distance') {
      const plane = s.planeDomains.flow, w = s.weights;
      if (s.overlay.kind === 'none' || !w) return;
      const extent = plane ? { lo: plane.x[0], hi: plane.x[1] } : { lo: -3, hi: 3 };
      const d = await probe.distances({ config: s.config, theta: w.theta, extent });
      return set({ overlay: { ...this.deps.store.getState().overlay, distance: d ? { ...d, step: w.step } : null } });
    }
    const plane = s.planeDomains.crossing;
    if (!s.pairs || !plane) return set({ crossingMap: null });
    const grid = { xMin: plane.x[0], xMax: plane.x[1], yMin: plane.y[0], yMax: plane.y[1], size: s.crossing.gridSize };
    set({ crossingMap: await probe.crossing({ pairs: s.pairs, options: { t: s.crossing.t, kind: s.config.interpolant, sigma: effectiveSigma(s.config), seed: s.config.seed, grid } }) });
  }
}
