// Each activation is an {f, df} pair (value and derivative at the pre-activation z), after
// tensorflow/playground's nn.ts. Mirrored by shaders/common.wgsl act()/actDeriv() (same ids).

/** The hidden activations of docs/math.md#the-network-and-its-training (the config table's `activation` values). */
export const ACTIVATION_NAMES = ['silu', 'relu', 'tanh', 'gelu'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface Activation {
  /** value at pre-activation z */
  f(z: number): number;
  /** derivative at pre-activation z */
  df(z: number): number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
// GELU, tanh approximation (Hendrycks & Gimpel): the same closed form is cheap in WGSL.
const GELU_K = Math.sqrt(2 / Math.PI);

export const ACTIVATIONS: Record<ActivationName, Activation> = {
  silu: { f: (z) => z * sigmoid(z), df: (z) => { const s = sigmoid(z); return s * (1 + z * (1 - s)); } },
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  tanh: { f: (z) => Math.tanh(z), df: (z) => { const t = Math.tanh(z); return 1 - t * t; } },
  gelu: {
    f: (z) => 0.5 * z * (1 + Math.tanh(GELU_K * (z + 0.044715 * z * z * z))),
    df: (z) => {
      const u = GELU_K * (z + 0.044715 * z * z * z);
      const t = Math.tanh(u);
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_K * (1 + 3 * 0.044715 * z * z);
    },
  },
};

/** Numeric id shared with WGSL (uniform field `activation`). */
export const ACTIVATION_ID: Record<ActivationName, number> = { silu: 0, relu: 1, tanh: 2, gelu: 3 };
