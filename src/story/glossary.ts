// The words the page shows, in plain words: the help dialog's glossary lists
// them, so a definition is on screen on a touch screen or a projector too, not only on hover.
export interface GlossaryEntry {
  /** as the page writes it */
  term: string;
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'x0, x1', definition: 'A training pair: a source point x0 (drawn from the source cloud) and its partner x1 in the target cloud.' },
  { term: 'x_t, t', definition: 'The point a fraction t of the way along the line from x0 (t = 0) to x1 (t = 1).' },
  { term: 'σ (interpolant noise)', definition: 'Noise added to x_t while training; it blurs each line into a tube of width about 2σ. σ = 0.05 is the value of the paper below.' },
  { term: 'the paper (Reu et al. 2025)', definition: 'Reu, Dromigny, Bronstein, Vargas: "Gradient Variance Reveals Failure Modes in Flow-Based Generative Models", NeurIPS 2025.' },
  { term: 'gradient variance, tr Cov[∇ℓ]', definition: 'How much the training gradient differs from one batch to the next (the sum of the variances of its entries). Near zero, every batch agrees: the network fits every line exactly, the sign of memorization.' },
  { term: 'loss', definition: 'The mean squared error between the network\'s velocity and the velocity x1 − x0 of the line, on a batch.' },
  { term: 'pair reproduction', definition: 'The share of training x0 whose flow ends nearest to their own partner x1. Chance is 1/N for N pairs; far above chance means the pairing was memorized.' },
  { term: 'W2 (Wasserstein-2)', definition: 'A distance between two clouds of points: the least mean squared distance to move one onto the other. 0 means the same cloud.' },
  { term: 'sliced W2', definition: 'W2 averaged over many 1-D projections of the two clouds: cheap, and 0 only for the same cloud.' },
  { term: 'Gaussian W2', definition: 'W2 between a Gaussian fitted to the generated cloud and the target Gaussian, in closed form.' },
  { term: 'transport cost vs OT', definition: 'The mean squared distance each point travels, against the least possible cost, optimal transport (OT).' },
  { term: 'path curvature', definition: 'How far the learned paths bend away from straight lines; 0 for straight paths.' },
  { term: 'Var[u_t | x_t ≈ x, t]', definition: 'How much the velocities of the training lines passing near point x at time t disagree; high where lines cross, where no single field fits them all.' },
  { term: '±2σ tube', definition: 'The band around a training line where noisy x_t fall with σ > 0.' },
  { term: 'ReFlow', definition: 'Retraining on the pairs (x0, end point) the previous flow produced, meant to straighten the paths.' },
  { term: 'Euler steps', definition: 'The number of steps the flow is integrated with from t = 0 to t = 1; one step jumps straight to the end.' },
];
