// The velocity MLP v_θ(x, y, t) → (vx, vy) of docs/math.md#the-network-and-its-training, on a batch, in plain TS.
// Mirrored by shaders/layer0.wgsl layer0Forward() and shaders/rowPass.wgsl hiddenForward(),
// outputRows(), hiddenBackward(). Parameter layout (the same in the GPU buffers): for each layer l in
// order, W_l as fanOut × fanIn row-major (W[o * fanIn + i]), then b_l (fanOut). Inputs are
// (x, y, t) followed by sin(2πkt), cos(2πkt) for k = 1..fourier.
import { ACTIVATIONS, type ActivationName } from './activations';
import { normal2, Stream } from './rng';

export interface MlpShape {
  width: number;
  depth: number;
  activation: ActivationName;
  /** number of Fourier frequencies of t appended to the input */
  fourier: number;
}

export interface LayerLayout {
  fanIn: number;
  fanOut: number;
  /** offset of W_l in the parameter array */
  w: number;
  /** offset of b_l in the parameter array */
  b: number;
}

export interface MlpLayout {
  inputDim: number;
  layers: LayerLayout[];
  paramCount: number;
}

export type Params = Float32Array | Float64Array;

export function mlpLayout(shape: MlpShape): MlpLayout {
  const inputDim = 3 + 2 * shape.fourier;
  const sizes = [inputDim, ...Array<number>(shape.depth).fill(shape.width), 2];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l], fanOut = sizes[l + 1];
    layers.push({ fanIn, fanOut, w: offset, b: offset + fanIn * fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  return { inputDim, layers, paramCount: offset };
}

/** He init for SiLU/ReLU/GELU, Xavier for tanh and for the linear output layer; biases 0. */
export function initParams(shape: MlpShape, seed: number): Float32Array {
  const layout = mlpLayout(shape);
  const theta = new Float32Array(layout.paramCount);
  layout.layers.forEach((layer, l) => {
    const isOutput = l === layout.layers.length - 1;
    const xavier = isOutput || shape.activation === 'tanh';
    const std = xavier ? Math.sqrt(2 / (layer.fanIn + layer.fanOut)) : Math.sqrt(2 / layer.fanIn);
    const count = layer.fanIn * layer.fanOut;
    for (let k = 0; k < count; k += 2) {
      const [n0, n1] = normal2(seed, Stream.init, l, k >> 1);
      theta[layer.w + k] = n0 * std;
      if (k + 1 < count) theta[layer.w + k + 1] = n1 * std;
    }
  });
  return theta;
}

/** Writes the network input for one sample into `out` at `offset`. */
export function writeInput(out: Float64Array, offset: number, x: number, y: number, t: number, fourier: number): void {
  out[offset] = x;
  out[offset + 1] = y;
  out[offset + 2] = t;
  for (let k = 1; k <= fourier; k++) {
    out[offset + 1 + 2 * k] = Math.sin(2 * Math.PI * k * t);
    out[offset + 2 + 2 * k] = Math.cos(2 * Math.PI * k * t);
  }
}

/** Activations kept by forward() for backward(): z (pre-activation) and a (post) per layer. */
export interface ForwardCache {
  batch: number;
  /** a[0] is the input; a[l + 1] is the output of layer l (linear for the last layer) */
  a: Float64Array[];
  /** z[l] is the pre-activation of layer l */
  z: Float64Array[];
}

/** Batched forward pass; `input` is batch × inputDim. Returns the cache; output is the last `a`. */
export function forward(shape: MlpShape, theta: Params, input: Float64Array, batch: number): ForwardCache {
  const { layers } = mlpLayout(shape);
  const act = ACTIVATIONS[shape.activation].f;
  const a: Float64Array[] = [input];
  const z: Float64Array[] = [];
  layers.forEach((layer, l) => {
    const { fanIn, fanOut } = layer;
    const prev = a[l];
    const zl = new Float64Array(batch * fanOut);
    for (let i = 0; i < batch; i++) {
      const xi = i * fanIn;
      for (let o = 0; o < fanOut; o++) {
        let s = theta[layer.b + o];
        const wo = layer.w + o * fanIn;
        for (let k = 0; k < fanIn; k++) s += theta[wo + k] * prev[xi + k];
        zl[i * fanOut + o] = s;
      }
    }
    z.push(zl);
    const isOutput = l === layers.length - 1;
    a.push(isOutput ? zl : zl.map(act));
  });
  return { batch, a, z };
}

export interface BackwardResult {
  /** gradient of Σ_i weight·ℓ_i, same layout as θ */
  grad: Float64Array;
  /** ‖∇θ ℓ_i‖² per sample, exact: Σ_l ‖δ_l,i‖² (‖a_l−1,i‖² + 1) (docs/design.md#what-is-measured) */
  sampleGradNormSq: Float64Array;
  /** δ_l,i = ∂ℓ_i/∂z_l per layer (batch × fanOut), kept for the per-bin deviation */
  delta: Float64Array[];
}

/**
 * Backward pass from dOut = ∂ℓ_i/∂v_i (batch × 2). The returned `grad` is Σ_i weight · ∇ℓ_i,
 * so weight = 1/B gives the gradient of the mean loss.
 */
export function backward(shape: MlpShape, theta: Params, cache: ForwardCache, dOut: Float64Array, weight: number): BackwardResult {
  const { layers, paramCount } = mlpLayout(shape);
  const dAct = ACTIVATIONS[shape.activation].df;
  const { batch, a, z } = cache;
  const grad = new Float64Array(paramCount);
  const sampleGradNormSq = new Float64Array(batch);
  const delta: Float64Array[] = new Array(layers.length);
  let d = dOut; // ∂ℓ/∂z of the current layer (output layer is linear)
  for (let l = layers.length - 1; l >= 0; l--) {
    const { fanIn, fanOut } = layers[l];
    const prev = a[l];
    delta[l] = d;
    for (let i = 0; i < batch; i++) {
      let dd = 0, aa = 1; // the "+1" is the bias input
      for (let o = 0; o < fanOut; o++) dd += d[i * fanOut + o] ** 2;
      for (let k = 0; k < fanIn; k++) aa += prev[i * fanIn + k] ** 2;
      sampleGradNormSq[i] += dd * aa;
      for (let o = 0; o < fanOut; o++) {
        const g = d[i * fanOut + o] * weight;
        if (g === 0) continue;
        grad[layers[l].b + o] += g;
        const wo = layers[l].w + o * fanIn;
        for (let k = 0; k < fanIn; k++) grad[wo + k] += g * prev[i * fanIn + k];
      }
    }
    if (l === 0) break;
    const zPrev = z[l - 1];
    const next = new Float64Array(batch * fanIn);
    for (let i = 0; i < batch; i++) {
      for (let o = 0; o < fanOut; o++) {
        const g = d[i * fanOut + o];
        if (g === 0) continue;
        const wo = layers[l].w + o * fanIn;
        for (let k = 0; k < fanIn; k++) next[i * fanIn + k] += g * theta[wo + k];
      }
      for (let k = 0; k < fanIn; k++) next[i * fanIn + k] *= dAct(zPrev[i * fanIn + k]);
    }
    d = next;
  }
  return { grad, sampleGradNormSq, delta };
}

/** g_i · ḡ per sample from the kept δ's and activations: Σ_l δ_l,iᵀ (Ḡ_l a_l−1,i + b̄_l). */
export function sampleGradDotMean(shape: MlpShape, cache: ForwardCache, delta: Float64Array[], meanGrad: Float64Array): Float64Array {
  const { layers } = mlpLayout(shape);
  const out = new Float64Array(cache.batch);
  layers.forEach((layer, l) => {
    const { fanIn, fanOut } = layer;
    const prev = cache.a[l];
    for (let i = 0; i < cache.batch; i++) {
      let s = 0;
      for (let o = 0; o < fanOut; o++) {
        let gw = meanGrad[layer.b + o];
        const wo = layer.w + o * fanIn;
        for (let k = 0; k < fanIn; k++) gw += meanGrad[wo + k] * prev[i * fanIn + k];
        s += delta[l][i * fanOut + o] * gw;
      }
      out[i] += s;
    }
  });
  return out;
}

/** Velocity at a set of points for one t each: returns n × 2. */
export function velocity(shape: MlpShape, theta: Params, xy: Float64Array, t: Float64Array | number, n: number): Float64Array {
  const dim = 3 + 2 * shape.fourier;
  const input = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    writeInput(input, i * dim, xy[2 * i], xy[2 * i + 1], typeof t === 'number' ? t : t[i], shape.fourier);
  }
  const cache = forward(shape, theta, input, n);
  return cache.a[cache.a.length - 1];
}
