// Browser (Vite) shader texts: every file of shaders/ imported as a string with ?raw. Node code
// reads them with fs instead (src/node/shaderSources.ts): ?raw does not work in plain Node.
import type { ShaderSources } from './gpuShaders';
import trig from '../../shaders/trig.wgsl?raw';
import rng from '../../shaders/rng.wgsl?raw';
import common from '../../shaders/common.wgsl?raw';
import layer0 from '../../shaders/layer0.wgsl?raw';
import gemm from '../../shaders/gemm.wgsl?raw';
import rowPass from '../../shaders/rowPass.wgsl?raw';
import sampleNorm from '../../shaders/sampleNorm.wgsl?raw';
import adamUpdate from '../../shaders/adamUpdate.wgsl?raw';
import stepRecord from '../../shaders/stepRecord.wgsl?raw';
import batchGrad from '../../shaders/batchGrad.wgsl?raw';
import trainRows from '../../shaders/trainRows.wgsl?raw';
import forwardHidden from '../../shaders/forwardHidden.wgsl?raw';
import weightGrad from '../../shaders/weightGrad.wgsl?raw';
import adamStep from '../../shaders/adamStep.wgsl?raw';
import finalizeStep from '../../shaders/finalizeStep.wgsl?raw';
import stepLoop from '../../shaders/stepLoop.wgsl?raw';
import loopGrad from '../../shaders/loopGrad.wgsl?raw';
import gradDotMean from '../../shaders/gradDotMean.wgsl?raw';
import gradVarBins from '../../shaders/gradVarBins.wgsl?raw';
import odeInput from '../../shaders/odeInput.wgsl?raw';
import odeOutput from '../../shaders/odeOutput.wgsl?raw';
import rngProbe from '../../shaders/rngProbe.wgsl?raw';

export const SHADER_SOURCES: ShaderSources = {
  trig, rng, common, layer0, gemm, rowPass, sampleNorm, adamUpdate, stepRecord, batchGrad,
  trainRows, forwardHidden, weightGrad, adamStep, finalizeStep, stepLoop, loopGrad, gradDotMean, gradVarBins,
  odeInput, odeOutput, rngProbe,
};
