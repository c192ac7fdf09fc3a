// Browser (Vite) shader texts: every file of shaders/ as a string, through one import.meta.glob
// (Vite inlines them at build time). Node code reads them with fs instead
// (src/node/shaderSources.ts): import.meta.glob exists only under Vite and Vitest.
import { SHADER_NAMES, type ShaderSources } from './gpuShaders';

const FILES = import.meta.glob<string>('../../shaders/*.wgsl', { query: '?raw', import: 'default', eager: true });

function byName(): ShaderSources {
  const out: Partial<ShaderSources> = {};
  for (const name of SHADER_NAMES) {
    const text = FILES[`../../shaders/${name}.wgsl`];
    if (typeof text !== 'string') throw new Error(`missing shader file: shaders/${name}.wgsl`);
    out[name] = text;
  }
  return out as ShaderSources;
}

export const SHADER_SOURCES: ShaderSources = byName();
