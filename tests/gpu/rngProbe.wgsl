// rngProbe.wgsl: test kernel for rng.wgsl (tests/gpu/rng.test.ts); not used by the trainer.
// Reads keys[i] = (seed, stream, step, index); writes words[i] = pcg4d(key) and
// values[i] = (toUniform(w.x), toUniformOpen(w.y), boxMuller(w.z, w.w)), indices[i] = toIndex(w.y, n).
// Dispatch ceil(count / WG) × 1 × 1, WG threads.

override WG: u32 = 64;

struct ProbeParams {
  count: u32,
  modulus: u32,
  pad0: u32,
  pad1: u32,
}

@group(0) @binding(0) var<uniform> p: ProbeParams;
@group(0) @binding(1) var<storage, read> keys: array<vec4<u32>>;
@group(0) @binding(2) var<storage, read_write> words: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> values: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> indices: array<u32>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.count) { return; }
  let k = keys[i];
  let w = pcg4d(k.x, k.y, k.z, k.w);
  words[i] = w;
  values[i] = vec4<f32>(toUniform(w.x), toUniformOpen(w.y), boxMuller(w.z, w.w));
  indices[i] = toIndex(w.y, p.modulus);
}
