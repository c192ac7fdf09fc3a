import { describe, expect, it } from 'vitest';
import { integrate, type Field, type Integrator } from '../../src/math/ode';
import { expectClose } from './expectClose';

// dx/dt = 2t·J x with J the rotation generator: x(t) = R(t²) x(0). Time-dependent, so a stage
// evaluated at the wrong t shows up in the order.
const field: Field = (xy, t, n) => {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { out[2 * i] = -2 * t * xy[2 * i + 1]; out[2 * i + 1] = 2 * t * xy[2 * i]; }
  return out;
};
const START = Float64Array.from([1, 0, 0.3, -0.7]);
const exact = (t: number) => {
  const c = Math.cos(t * t), s = Math.sin(t * t);
  const out = new Float64Array(4);
  for (let i = 0; i < 2; i++) { out[2 * i] = c * START[2 * i] - s * START[2 * i + 1]; out[2 * i + 1] = s * START[2 * i] + c * START[2 * i + 1]; }
  return out;
};
const error = (a: Float64Array, b: Float64Array) => Math.max(...a.map((x, k) => Math.abs(x - b[k])));

const ORDERS: [Integrator, number][] = [['euler', 1], ['heun', 2], ['rk4', 4]];

describe('ode', () => {
  for (const [method, order] of ORDERS) {
    it(`${method} converges with order ${order} ± 0.25 (error ratio 16 → 32 steps) on a linear time-dependent field`, () => {
      const e16 = error(integrate(field, START, 2, { method, steps: 16, direction: 'forward' }).end, exact(1));
      const e32 = error(integrate(field, START, 2, { method, steps: 32, direction: 'forward' }).end, exact(1));
      expectClose(Math.log2(e16 / e32), order, { abs: 0.25 });
    });

    it(`${method} backward from the exact x(1) returns x(0) with order ${order} ± 0.25`, () => {
      const e16 = error(integrate(field, exact(1), 2, { method, steps: 16, direction: 'backward' }).end, START);
      const e32 = error(integrate(field, exact(1), 2, { method, steps: 32, direction: 'backward' }).end, START);
      expectClose(Math.log2(e16 / e32), order, { abs: 0.25 });
    });
  }

  it('rk4 forward then backward (64 steps each) returns the start within abs 1e-9', () => {
    const fwd = integrate(field, START, 2, { method: 'rk4', steps: 64, direction: 'forward' });
    const back = integrate(field, fwd.end, 2, { method: 'rk4', steps: 64, direction: 'backward' });
    expectClose(back.end, START, { abs: 1e-9 });
  });

  it('heun forward then backward (256 steps each) returns the start within abs 1e-5; euler within abs 0.02', () => {
    for (const [method, tol] of [['heun', 1e-5], ['euler', 0.02]] as const) {
      const fwd = integrate(field, START, 2, { method, steps: 256, direction: 'forward' });
      const back = integrate(field, fwd.end, 2, { method, steps: 256, direction: 'backward' });
      expectClose(back.end, START, { abs: tol });
    }
  });

  it('keepPath stores (steps + 1) states: the start first, the end last', () => {
    const res = integrate(field, START, 2, { method: 'heun', steps: 8, direction: 'forward', keepPath: true });
    expect(res.path.length).toBe(9 * 2 * 2);
    expectClose(res.path.subarray(0, 4), START, { abs: 1e-7 });
    expectClose(res.path.subarray(32, 36), res.end, { rel: 1e-6, abs: 1e-7 });
  });
});
