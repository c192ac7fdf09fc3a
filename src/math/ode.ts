// ODE integration of dx/dt = v(x, t) (docs/math.md#integration-and-the-measured-figures): Euler, Heun, RK4, forward 0→1 or backward 1→0.
// Mirrored by shaders/odeInput.wgsl main() (stage point) and shaders/odeOutput.wgsl main() (update).

/** The ODE integrators of docs/math.md#integration-and-the-measured-figures (the config table's `integrator` values). */
export const INTEGRATORS = ['euler', 'heun', 'rk4'] as const;
export type Integrator = (typeof INTEGRATORS)[number];
export const INTEGRATOR_ID: Record<Integrator, number> = { euler: 0, heun: 1, rk4: 2 };

/** Velocity of n points `xy` (interleaved) at time t → n × 2. */
export type Field = (xy: Float64Array, t: number, n: number) => Float64Array;

export interface IntegrateOptions {
  method: Integrator;
  steps: number;
  /** 'forward' integrates 0 → 1, 'backward' 1 → 0 */
  direction: 'forward' | 'backward';
  /** keep every intermediate state (for drawing and straightness) */
  keepPath?: boolean;
}

export interface IntegrateResult {
  end: Float64Array;
  /** (steps + 1) × n × 2 when keepPath, else empty */
  path: Float32Array;
}

function axpy(x: Float64Array, h: number, k: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + h * k[i];
  return out;
}

/** One step of `method` from (x, t) with signed step h. */
export function odeStep(field: Field, method: Integrator, x: Float64Array, t: number, h: number, n: number): Float64Array {
  const k1 = field(x, t, n);
  if (method === 'euler') return axpy(x, h, k1);
  if (method === 'heun') {
    const k2 = field(axpy(x, h, k1), t + h, n);
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i] + (h / 2) * (k1[i] + k2[i]);
    return out;
  }
  const k2 = field(axpy(x, h / 2, k1), t + h / 2, n);
  const k3 = field(axpy(x, h / 2, k2), t + h / 2, n);
  const k4 = field(axpy(x, h, k3), t + h, n);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  return out;
}

export function integrate(field: Field, start: Float64Array, n: number, opts: IntegrateOptions): IntegrateResult {
  const h = (opts.direction === 'forward' ? 1 : -1) / opts.steps;
  const path = opts.keepPath ? new Float32Array((opts.steps + 1) * n * 2) : new Float32Array(0);
  let x: Float64Array = start.slice(0, 2 * n);
  if (opts.keepPath) path.set(x, 0);
  for (let s = 0; s < opts.steps; s++) {
    const t = opts.direction === 'forward' ? s / opts.steps : 1 - s / opts.steps;
    x = odeStep(field, opts.method, x, t, h, n);
    if (opts.keepPath) path.set(x, (s + 1) * n * 2);
  }
  return { end: x, path };
}
