// The WGSL files of shaders/ and how kernels are assembled from them. WGSL has no #include: a
// kernel's module is its library files followed by its own file, concatenated in that order.
// The browser gets the texts from src/engine/shaderSources.ts (Vite ?raw), Node from
// src/node/shaderSources.ts (fs); GpuTrainer takes them as an argument so one class runs in both.

export const SHADER_NAMES = [
  'trig', 'rng', 'common', 'layer0', 'gemm', 'rowPass', 'sampleNorm', 'adamUpdate', 'stepRecord', 'batchGrad',
  'trainRows', 'forwardHidden', 'weightGrad', 'adamStep', 'finalizeStep', 'stepLoop', 'loopGrad', 'gradDotMean', 'gradVarBins',
  'odeInput', 'odeOutput',
] as const;

export type ShaderName = (typeof SHADER_NAMES)[number];

/** The text of every file of shaders/, by base name. */
export type ShaderSources = Record<ShaderName, string>;

/** Library files each kernel is built on, in concatenation order (the kernel's own file last). */
export const KERNEL_LIBRARIES = {
  trainRows: ['trig', 'rng', 'common', 'layer0', 'rowPass'],
  forwardHidden: ['trig', 'common', 'gemm'],
  weightGrad: ['trig', 'common', 'gemm', 'sampleNorm'],
  adamStep: ['trig', 'common', 'adamUpdate'],
  finalizeStep: ['trig', 'common', 'stepRecord'],
  stepLoop: ['trig', 'rng', 'common', 'layer0', 'rowPass', 'sampleNorm', 'adamUpdate', 'stepRecord', 'batchGrad'],
  loopGrad: ['trig', 'common', 'batchGrad'],
  gradDotMean: ['trig', 'common'],
  gradVarBins: ['trig', 'common'],
  odeInput: ['trig', 'common', 'layer0'],
  odeOutput: ['trig', 'common'],
} as const satisfies Record<string, readonly ShaderName[]>;

export type KernelName = keyof typeof KERNEL_LIBRARIES;

/** The WGSL module text of one kernel. */
export function kernelCode(sources: ShaderSources, kernel: KernelName): string {
  const parts = [...KERNEL_LIBRARIES[kernel], kernel].map((name) => {
    const text = sources[name as ShaderName];
    if (typeof text !== 'string' || text.length === 0) throw new Error(`missing shader source: ${name}`);
    return `// ---- shaders/${name}.wgsl ----\n${text}`;
  });
  return parts.join('\n');
}
