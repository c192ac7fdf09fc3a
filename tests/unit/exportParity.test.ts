// The exported PyTorch script rebuilds flowvar's run, not a look-alike: at d = 2 on the CPU in
// float32 its per-step losses over the first 50 steps are within 1e-4 relative of `flowvar run
// --engine cpu` (the CpuTrainer on the WebAssembly kernel), and its step-50 evaluation agrees.
// The links cover every coupling, interpolant, activation, schedule, integrator and shape, the user's own points included.
// Tolerances: both sides compute in float32 but sum in different orders (torch's GEMM against the
// kernel's SIMD lanes), so losses agree to ~1e-6 relative at step 1 and drift slowly; 1e-4 holds
// for 50 steps. gradVar is a difference of two large sums (B/(B-1)(mean|g_i|^2 - |g|^2)), so it is
// held to 1e-3. The evaluation integrates in float32 from those weights: reproduction is a count,
// equal unless an endpoint sits on the boundary between two partners (none does here); the distances
// agree to 1e-3 relative.
import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { decodeLink } from '../../src/link/link';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { expectClose } from './expectClose';
import { runScript, writeScript, PY_TIMEOUT_MS } from './torchPython';

const STEPS = 50;
const SMALL = 'pairs=48&width=32&depth=2&batch=64&particles=256&odeSteps=16';
/** Every coupling, interpolant, activation, schedule and integrator at least once. */
const LINKS: [string, string][] = [
  ['independent · constant σ · silu · constant lr · moons → mixture · Fourier', `${SMALL}&coupling=independent&source=moons&target=mixture&sigma=0.2&fourier=2`],
  ['ot · deterministic · relu · cosine + warm-up · Heun · correlated Gaussians', `${SMALL}&coupling=ot&interpolant=deterministic&activation=relu&schedule=cosine&warmup=10&steps=60&integrator=heun&srcRho=0.5&tgtMx=1&tgtSy=0.5`],
  ['rotated · bridge · tanh · RK4 · weight decay', `${SMALL}&coupling=rotated&phi=1.2&interpolant=bridge&sigma=0.3&activation=tanh&integrator=rk4&weightDecay=0.01`],
  ['cross · constant · gelu · rings → checker', `${SMALL}&coupling=cross&activation=gelu&sigma=0.05&source=rings&target=checker`],
  ['user pairs · gelu · lr 1e-2', `${SMALL}&coupling=user&userPairs=-1,0,1,1;-1,1,1,-1;0,-1,0,1;1,1,-1,-1&activation=gelu&lr=0.01`],
  ['own points → own points · jitter 0.1 · placed', `${SMALL}&source=points&sourcePoints=-1,0;0,1;1,0&target=points&targetPoints=2,2;-2,2;0,-2;1.5,0.25&pointJitter=0.1&tgtMx=0.5&srcSx=1.5&sigma=0.1`],
];

describe('the exported script against flowvar run --engine cpu (d = 2, CPU, float32)', { timeout: PY_TIMEOUT_MS }, () => {
  it.each(LINKS)('%s: 50 per-step losses within 1e-4, the step-50 evaluation agrees', (_name, link) => {
    const { config } = decodeLink(link);
    const trainer = new CpuTrainer(config, nodeMlpKernel(1));
    const losses: number[] = [], gradVars: number[] = [];
    for (let s = 0; s < STEPS; s++) {
      const rec = trainer.stepSync(1).records[0];
      losses.push(rec.loss);
      gradVars.push(rec.gradVar);
    }
    const want = trainer.evaluateSync().metrics;
    trainer.dispose();

    const py = runScript(writeScript(link), ['--steps', String(STEPS), '--log-every', '1', '--threads', '1']);
    expect(py.status, py.stderr).toBe(0);
    expect(py.steps.map((s) => s.step)).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
    expectClose(py.steps.map((s) => s.loss), losses, { rel: 1e-4 }, 'per-step loss');
    expectClose(py.steps.map((s) => s.gradVar), gradVars, { rel: 1e-3 }, 'per-step gradVar');
    const row = py.rows.at(-1)!;
    expect(row.step).toBe(STEPS);
    expect(row.reproduction).toBe(want.reproduction);
    expect(row.chance).toBe(want.chance);
    for (const key of ['partnerDistance', 'slicedW2', 'straightness', 'transportCost'] as const) {
      expectClose(row[key] as number, want[key], { rel: 1e-3, abs: 1e-6 }, key);
    }
    if (want.gaussianW2 === null) expect(row.gaussianW2).toBeNull();
    else expectClose(row.gaussianW2 as number, want.gaussianW2, { rel: 1e-3, abs: 1e-6 }, 'gaussianW2');
    if (want.otCost === null) expect(row.otCost).toBeNull();
    else expectClose(row.otCost as number, want.otCost, { rel: 1e-9, abs: 1e-12 }, 'otCost');
  });
});
