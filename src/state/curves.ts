// Training curves kept for drawing, in constant memory for a run of any length: the newest
// records at full resolution (a tail of at least `capacity / 8` steps), the older history
// downsampled (every `stride`-th record; the stride doubles when that part is full). One set of
// columns holds both, in step order, so drawing reads one array. EMAs are updated with every
// record, stored at full resolution or not.
import type { StepRecord } from '../engine/trainer';

/** Default capacity: enough for a 3000-step run at full resolution. */
export const CURVE_CAPACITY = 4096;
/** EMA decay of the smoothed curves (about a 20-step window); debiased like Adam's moments. */
export const EMA_BETA = 0.95;

export interface CurvePoint {
  step: number;
  loss: number;
  lossEma: number;
  gradVar: number;
  gradVarEma: number;
  /** V / ‖ḡ‖²: noise-to-signal ratio of the batch gradient (docs/design.md#what-is-measured) */
  noiseToSignal: number;
  sigma: number;
}

const FIELDS = ['step', 'loss', 'lossEma', 'gradVar', 'gradVarEma', 'noiseToSignal', 'sigma'] as const;
type FieldName = (typeof FIELDS)[number];

export class CurveBuffer {
  readonly capacity: number;
  /** newest records always kept one per record (at least; up to twice this many) */
  readonly tail: number;
  /** stored points; columns share the index: [downsampled history | full-resolution tail] */
  readonly columns: Record<FieldName, Float64Array>;
  length = 0;
  /** points of the downsampled history (the first `coarse` of `length`) */
  coarse = 0;
  /** the history keeps one point per `stride` records */
  stride = 1;
  /** records seen since the buffer was created */
  seen = 0;
  /** records that left the tail for the history (it keeps every `stride`-th) */
  private moved = 0;
  private lossEmaRaw = 0;
  private gradVarEmaRaw = 0;

  constructor(capacity = CURVE_CAPACITY) {
    this.capacity = Math.max(8, capacity & ~1);
    this.tail = Math.max(2, Math.floor(this.capacity / 8));
    this.columns = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(this.capacity)])) as Record<FieldName, Float64Array>;
  }

  push(r: StepRecord): void {
    this.seen++;
    // Non-finite values do not poison the EMA (a diverged run is caught by the runner).
    if (Number.isFinite(r.loss)) this.lossEmaRaw = EMA_BETA * this.lossEmaRaw + (1 - EMA_BETA) * r.loss;
    if (Number.isFinite(r.gradVar)) this.gradVarEmaRaw = EMA_BETA * this.gradVarEmaRaw + (1 - EMA_BETA) * r.gradVar;
    if (this.length === this.capacity) this.compact();
    const debias = 1 - EMA_BETA ** this.seen;
    const i = this.length++;
    const c = this.columns;
    c.step[i] = r.step;
    c.loss[i] = r.loss;
    c.lossEma[i] = this.lossEmaRaw / debias;
    c.gradVar[i] = r.gradVar;
    c.gradVarEma[i] = this.gradVarEmaRaw / debias;
    c.noiseToSignal[i] = r.meanGradNormSq > 0 ? r.gradVar / r.meanGradNormSq : NaN;
    c.sigma[i] = r.sigma;
  }

  /**
   * The buffer is full: the tail's older points move into the history (every stride-th kept,
   * the history halved whenever it reaches its share), and the newest `tail` stay as they are.
   * Each call frees at least `tail` slots, so the copying costs O(1) per record on average.
   */
  private compact(): void {
    const budget = this.capacity - 2 * this.tail;
    const keepFrom = this.length - this.tail;
    for (let i = this.coarse; i < keepFrom; i++) {
      if (this.moved++ % this.stride !== 0) continue;
      if (this.coarse === budget) this.halveHistory();
      this.copyPoint(i, this.coarse++);
    }
    for (const f of FIELDS) this.columns[f].copyWithin(this.coarse, keepFrom, this.length);
    this.length = this.coarse + this.tail;
  }

  /** Keeps every other point of the history (the first one included) and doubles its stride. */
  private halveHistory(): void {
    for (let i = 0; 2 * i < this.coarse; i++) this.copyPoint(2 * i, i);
    this.coarse = Math.ceil(this.coarse / 2);
    this.stride *= 2;
  }

  private copyPoint(from: number, to: number): void {
    if (from !== to) for (const f of FIELDS) this.columns[f][to] = this.columns[f][from];
  }

  /**
   * Drops the points after `step` (a run resumed from older weights trains those steps again), so
   * the curves stay strictly increasing in step. The EMAs continue from the last kept point.
   */
  truncateAfter(step: number): void {
    const c = this.columns;
    let n = this.length;
    while (n > 0 && !(c.step[n - 1] <= step)) n--;
    if (n === this.length) return;
    this.length = n;
    if (n < this.coarse) {
      this.coarse = n;
      this.moved = n * this.stride;
    }
    this.seen = n > 0 ? Math.max(n, Math.round(c.step[n - 1])) : 0;
    const debias = 1 - EMA_BETA ** this.seen;
    this.lossEmaRaw = n > 0 ? c.lossEma[n - 1] * debias : 0;
    this.gradVarEmaRaw = n > 0 ? c.gradVarEma[n - 1] * debias : 0;
  }

  point(i: number): CurvePoint {
    const c = this.columns;
    return {
      step: c.step[i], loss: c.loss[i], lossEma: c.lossEma[i], gradVar: c.gradVar[i],
      gradVarEma: c.gradVarEma[i], noiseToSignal: c.noiseToSignal[i], sigma: c.sigma[i],
    };
  }

  /** The stored points in order (for export and tests). */
  toArray(): CurvePoint[] {
    return Array.from({ length: this.length }, (_, i) => this.point(i));
  }

  last(): CurvePoint | null {
    return this.length > 0 ? this.point(this.length - 1) : null;
  }
}
