// A GPUAdapter → the header line of the report, and whether it is a CPU implementation.
import type { AdapterSummary } from './types';

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render|\bwarp\b/i;

export function describeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const parts = [info.description, info.vendor, info.architecture, info.device].filter((s): s is string => !!s && s.trim() !== '');
  const name = [...new Set(parts)].join(', ') || 'unnamed adapter';
  const software = info.isFallbackAdapter === true || SOFTWARE.test(name);
  return { name, software };
}
