// The keys of a `flowvar run --json` row (the row contract, docs/cli.md), with what each means:
// the exported PyTorch script (src/export/flowvar_run.py) writes the same keys in the same order
// and lists these meanings in its docstring. Keys are only ever appended.

/** Every key of a run row, in order, and its meaning. */
export const ROW_KEY_DOCS = [
  ['step', 'steps trained when the row was measured'],
  ['loss', "the last training batch's loss, mean over the batch of |v(x_t, t) - u_t|^2"],
  ['gradVar', "trace of the covariance of the per-sample gradients of the last batch (B/(B-1) (mean |g_i|^2 - |g|^2))"],
  ['reproduction', "share of the first 1024 training x0's that the learned flow carries closest to their own partner x1"],
  ['chance', 'chance level of reproduction, 1/N'],
  ['partnerDistance', "mean |endpoint - own partner x1| of those x0's"],
  ['slicedW2', 'sliced Wasserstein-2 distance of fresh endpoints to target samples (64 directions); null at D > 2'],
  ['gaussianW2', 'W2 of the Gaussian fitted to fresh endpoints to the Gaussian target; null for other targets and at D > 2'],
  ['straightness', 'mean |(x1 - x0) - v| along the fresh paths: 0 for straight paths'],
  ['transportCost', "mean |x1 - x0|^2 of the fresh paths"],
  ['otCost', 'W2^2 between the Gaussian source and target (the least transport cost); null otherwise and at D > 2'],
  ['stepsPerSec', 'training steps per second since the previous row (evaluation excluded)'],
  ['run', 'null for a single run; the model\'s label ("sigma=0.05 seed=2") in a sweep; "mean" or "std" in the summary rows'],
  ['seed', "the run's seed (null in summary rows)"],
  ['sigma', "the run's interpolant noise sigma"],
  ['link', "flowvar's share link (query) of the run's settings"],
  ['engine', '"cpu", "gpu" or "pytorch"'],
  ['device', 'where it ran, e.g. "cpu (torch 1.13, 2 threads)" or "cuda:0 NVIDIA H100 ..."'],
  ['version', "flowvar's version"],
  ['corrections', 'how many corrections the link decoder made to the link'],
] as const satisfies readonly (readonly [string, string])[];

/** The keys the exported script appends when it trains in D dimensions (--dim or --data). */
export const DIM_KEY_DOCS = [
  ['dim', 'the dimension D'],
  ['pairedL2', "mean L2 distance of the training x0's endpoints to their paired targets (memorization: small)"],
  ['otPairedL2', "mean L2 distance of the same endpoints to their OT-paired targets (the paper's Table 2)"],
  ['mmdFresh', 'unbiased MMD^2 of fresh endpoints to fresh target samples (generalization; Gaussian kernel, median width; ~0 when they match); with --data the rows past the link\'s pairs, held out (null when none are)'],
  ['mmdTrain', 'unbiased MMD^2 of fresh endpoints to the training targets (memorization: below mmdFresh; the paper\'s Table 1)'],
] as const satisfies readonly (readonly [string, string])[];

