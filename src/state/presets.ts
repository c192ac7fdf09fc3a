// The presets (keys 1–5, and the tour's chapters): each is a RunConfig partial, a title and two or
// three sentences. The numbers are first guesses, to be calibrated on measurements (SPEC §1):
// change them here, nowhere else. `cpu` overrides apply when the CPU engine runs (it is ~50× slower).
import { defaultConfig, type RunConfig } from '../engine/runConfig';
import type { EngineKind } from '../engine/trainer';

export interface Preset {
  id: string;
  title: string;
  /** two or three sentences shown with the preset */
  text: string;
  config: Partial<RunConfig>;
  /** extra overrides on the CPU engine */
  cpu?: Partial<RunConfig>;
}

/**
 * Smaller settings for the CPU engine, used when a page opens without a config in its link and
 * under every preset: 3 × 64 instead of 3 × 128, batch 256 instead of 1024, 500 particles instead
 * of 1000. Measured with tsx on this 2-core machine: 3×128/batch 1024 takes ~265 ms a step,
 * 3×64/batch 256 ~16 ms, and one evaluation (1000 particles, 64 Euler steps) ~2 s at width 64.
 */
export const CPU_DEFAULTS: Partial<RunConfig> = { width: 64, batch: 256, particles: 500 };

export const PRESETS: readonly Preset[] = [
  {
    id: 'independent',
    title: 'Straight lines, curved flow',
    text: 'Pairs drawn independently: the straight training lines cross everywhere, so the best field averages over them and the learned paths bend. Integrating from a training x0 lands near the target, not on its partner: reproduction stays near chance.',
    config: { coupling: 'independent', pairs: 512, sigma: 0, interpolant: 'constant', steps: 3000 },
    cpu: { pairs: 256, steps: 1500 },
  },
  {
    id: 'memorize',
    title: 'Memorize the pairs',
    text: 'Only 16 fixed random pairs and no noise (σ = 0). A field can fit every line, so the flow returns each training x0 to its own partner far more often than chance (1/16) while fresh x0 land on a distorted cloud. Measured with this preset on the CPU engine (seed 1, 1500 steps): 9 of 16 pairs come back, the loss falls to 0.25 against 3.1 at σ = 1, and the generated cloud sits at Gaussian W2 2.2 from the target (0.46 at σ = 1). The gradient variance, though, stays in the hundreds at this size: random lines pass close to each other at similar times and the field has to bend sharply between them. The clean drop of the variance towards zero shows with the rotated pairing (preset 4).',
    config: { coupling: 'independent', pairs: 16, sigma: 0, interpolant: 'constant', steps: 3000 },
    cpu: { steps: 1500 },
  },
  {
    id: 'noise',
    title: 'A little noise',
    text: 'The same 16 pairs, now with σ > 0: each line becomes a tube. The gradient variance stays bounded away from zero and fresh x0 land on the target (measured with this preset on the CPU engine, seed 1, 1500 steps: Gaussian W2 0.49 against 2.2 at σ = 0). The pairing is only partly broken at σ = 0.3: 5 of 16 pairs still come back (9 at σ = 0, chance 1); push σ to 1 and it falls to 2 of 16. Drag σ while it trains: it acts live, without a reset.',
    config: { coupling: 'independent', pairs: 16, sigma: 0.3, interpolant: 'constant', steps: 3000 },
    cpu: { steps: 1500 },
  },
  {
    id: 'rotated',
    title: 'Rotated Gaussians',
    text: 'Pairs x1 = R(φ)·x0 with φ = π/2: both the source and the target are N(0, I), and rotating is a valid but non-optimal pairing. The lines cross in space but never at the same time, so with σ = 0 the flow learns the rotation and keeps it; a little σ breaks the pairing. Measured (3 × 64 net, 3000 steps): σ = 0 returns 98.8 % of the 256 partners with the gradient-variance trace near 1; σ = 0.3 returns 9.8 % with the trace near 74.',
    config: { coupling: 'rotated', phi: Math.PI / 2, pairs: 256, sigma: 0, interpolant: 'constant', steps: 3000 },
    cpu: { steps: 1500 },
  },
  {
    id: 'collision',
    title: 'All lines through one point',
    text: 'φ = π pairs x1 = −x0: every line passes through the centre at the same time t = ½, a collision in space-time that no smooth field can fit (lines crossing in space at different times are harmless). A coarse Euler grid that steps over t = ½ still returns partners; a grid that lands on t = ½ or a fine one returns none. Measured (256 pairs, 3 × 64 net, seed 1): 1 Euler step 15 %, 3 steps 7 %, 2, 16 or 64 steps 0 % (chance 0.4 %). Try the ODE steps control.',
    config: { coupling: 'rotated', phi: Math.PI, pairs: 256, sigma: 0, interpolant: 'constant', integrator: 'euler', odeSteps: 1, steps: 3000 },
    cpu: { steps: 1500 },
  },
];

/** The config a preset opens, on the given engine (the seed is kept so a preset is one run). */
export function presetConfig(preset: Preset, engine: EngineKind, seed = defaultConfig().seed): RunConfig {
  const cpu = engine === 'cpu' ? { ...CPU_DEFAULTS, ...preset.cpu } : {};
  return { ...defaultConfig(), ...preset.config, ...cpu, seed };
}

/** The config a bare page (no config in its link) opens with. */
export function startConfig(engine: EngineKind): RunConfig {
  return { ...defaultConfig(), ...(engine === 'cpu' ? CPU_DEFAULTS : {}) };
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
