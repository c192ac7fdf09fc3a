// The memorization claim on the user's own points (docs/classroom.md#your-own-points): 64 points of
// a ring of radius 2, read through the points reader, as the target; 8 independent pairs; σ = 0
// against σ = 0.3 on seed 1, 800 steps (small enough for the GPU test on a software adapter). One
// config for the CPU test (tests/unit/pointsClaims.test.ts) and the GPU test
// (tests/gpu/pointsClaims.test.ts); the figures quoted there were measured with it.
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { readPointsText } from '../../src/state/pointsFile';
import { english } from '../../src/i18n/message';

/** 64 points of a ring of radius 2 as a CSV file would hold them. */
export const RING_CSV = ['x,y', ...Array.from({ length: 64 }, (_, i) => `${(2 * Math.cos((i * Math.PI) / 32)).toFixed(4)},${(2 * Math.sin((i * Math.PI) / 32)).toFixed(4)}`)].join('\n');

function ringPoints(): number[] {
  const r = readPointsText(RING_CSV);
  if (!r.ok) throw new Error(english(r.reason));
  return r.points;
}

export const CLAIM_STEPS = 800;
export const CLAIM_SIGMAS = [0, 0.3] as const;
export const RING_CLAIM: RunConfig = {
  ...defaultConfig(), seed: 1, target: 'points', targetPoints: ringPoints(), coupling: 'independent', pairs: 8,
  width: 32, depth: 2, batch: 64, lr: 1e-2, particles: 128, odeSteps: 16, steps: CLAIM_STEPS,
};
