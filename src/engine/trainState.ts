// What continuing a run needs, read and written by every engine: θ, Adam's first and second
// moments and the step (the weights file, "Continue on CPU" after a lost GPU device). Without the
// moments the first update after a resume is about lr·(1−β1)/√(1−β2) ≈ 3.2·lr per parameter in the
// gradient's sign direction, since the bias corrections at step t are ≈ 1: a jolt, not a continuation.

/** θ, Adam's moments and the step they were read at (layout of src/math/mlp.ts). */
export interface TrainState {
  /** steps taken when the state was read */
  step: number;
  theta: Float32Array;
  /** Adam's first moment; absent → zero (a version-1 weights file) */
  m?: Float32Array;
  /** Adam's second moment; absent → zero */
  v?: Float32Array;
}

/** Copies of the state's θ, m and v (zeros for absent moments); throws naming a field whose length is not `paramCount`. */
export function fullTrainState(state: TrainState, paramCount: number): Required<TrainState> {
  const m = state.m ?? new Float32Array(paramCount), v = state.v ?? new Float32Array(paramCount);
  for (const [name, a] of [['theta', state.theta], ['m', m], ['v', v]] as const) {
    if (a.length !== paramCount) throw new Error(`invalid train state: ${name} has ${a.length} values, expected ${paramCount}`);
  }
  return { step: state.step, theta: state.theta.slice(), m: m.slice(), v: v.slice() };
}
