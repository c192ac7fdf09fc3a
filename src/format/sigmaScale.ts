// The σ slider's scale (docs/math.md#interpolants-σ): the table's σ minimum (0), then log-spaced notches from 1e−4 up
// to the table's σ maximum, with the paper's value σ = 0.05 among them. The slider, the [ and ]
// keys and the tests all step through this list.
import { SIGMA_RANGE } from '../engine/runConfig';

/** The paper's σ (CFM with constant noise), marked on the slider. */
export const PAPER_SIGMA = 0.05;

/** Slider positions: index 0 is exactly deterministic. */
export const SIGMA_NOTCHES: readonly number[] = [
  SIGMA_RANGE.min, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, SIGMA_RANGE.max,
];

/** Index of the notch nearest to σ (in log distance; σ ≤ 0 maps to 0). */
export function notchOf(sigma: number): number {
  if (!(sigma > 0)) return 0;
  let best = 1, bestDist = Infinity;
  for (let i = 1; i < SIGMA_NOTCHES.length; i++) {
    const d = Math.abs(Math.log(SIGMA_NOTCHES[i]) - Math.log(sigma));
    if (d < bestDist) { best = i; bestDist = d; }
  }
  return best;
}

/** σ at notch `index` (clamped to the list). */
export function sigmaAt(index: number): number {
  const i = Math.min(SIGMA_NOTCHES.length - 1, Math.max(0, Math.round(Number.isFinite(index) ? index : 0)));
  return SIGMA_NOTCHES[i];
}

/** σ one notch up (+1) or down (−1) from σ's nearest notch. */
export function stepSigma(sigma: number, delta: 1 | -1): number {
  return sigmaAt(notchOf(sigma) + delta);
}
