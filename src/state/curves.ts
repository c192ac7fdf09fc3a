// Training curves kept for drawing: a fixed-capacity buffer of (step, loss, gradVar, …) that
// halves its resolution when full (keeps every other point, doubles the stride), so a run of any
// length stays drawable in constant memory. EMAs are updated with every record, stored or not.
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
  /** stored points; columns share the index */
  readonly columns: Record<FieldName, Float64Array>;
  length = 0;
  /** one stored point per `stride` records */
  stride = 1;
  /** records seen since the buffer was created */
  seen = 0;
  private lossEmaRaw = 0;
  private gradVarEmaRaw = 0;

  constructor(capacity = CURVE_CAPACITY) {
    this.capacity = Math.max(2, capacity & ~1);
    this.columns = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(this.capacity)])) as Record<FieldName, Float64Array>;
  }

  push(r: StepRecord): void {
    this.seen++;
    // Non-finite values do not poison the EMA (a diverged run is caught by the runner).
    if (Number.isFinite(r.loss)) this.lossEmaRaw = EMA_BETA * this.lossEmaRaw + (1 - EMA_BETA) * r.loss;
    if (Number.isFinite(r.gradVar)) this.gradVarEmaRaw = EMA_BETA * this.gradVarEmaRaw + (1 - EMA_BETA) * r.gradVar;
    if ((this.seen - 1) % this.stride !== 0) return;
    if (this.length === this.capacity) this.halve();
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

  private halve(): void {
    for (const f of FIELDS) {
      const col = this.columns[f];
      for (let i = 0; 2 * i < this.length; i++) col[i] = col[2 * i];
    }
    this.length = Math.ceil(this.length / 2);
    this.stride *= 2;
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
    this.seen = n > 0 ? Math.max(n, Math.round(c.step[n - 1])) : 0;
    const debias = 1 - EMA_BETA ** this.seen;
    this.lossEmaRaw = n > 0 ? c.lossEma[n - 1] * debias : 0;
    this.gradVarEmaRaw = n > 0 ? c.gradVarEma[n - 1] * debias : 0;
    // the next record is stored when (seen) is a multiple of the stride, as before the cut
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
