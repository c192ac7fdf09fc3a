// Node shader texts: every file of shaders/ read with fs (Vite's ?raw import works only under
// Vite/Vitest, not in plain Node or tsx). The browser uses src/engine/shaderSources.ts.
import { readFileSync } from 'node:fs';
import { SHADER_NAMES, type ShaderSources } from '../engine/gpuShaders';

/** Reads shaders/*.wgsl; `dir` defaults to the repository's shaders/ folder. */
export function loadShaderSources(dir: URL = new URL('../../shaders/', import.meta.url)): ShaderSources {
  const out: Partial<ShaderSources> = {};
  for (const name of SHADER_NAMES) out[name] = readFileSync(new URL(`${name}.wgsl`, dir), 'utf8');
  return out as ShaderSources;
}
