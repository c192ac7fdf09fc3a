// layer0.wgsl: layer 0 of the MLP for a tile of ROWS samples whose inputs already sit in workgroup
// memory (xin), by WG threads; mirrors the l = 0 iteration of src/math/mlp.ts forward():
// z = b + W x, a = act(z). Small row tiles (ROWS < WG) keep many workgroups busy.
// Library: the including kernel declares theta, acts and zs, fills xin[r · MAX_INPUT + j] for its
// rows, passes a workgroupBarrier, then calls layer0Forward() for its model. Threads walk
// (row, output) pairs with the output index fastest, so the writes of z and a are coalesced.

override ROWS: u32 = 16;
override WG: u32 = 64;
var<workgroup> xin: array<f32, ROWS * MAX_INPUT>;

fn layer0Forward(row0: u32, lid: u32, model: u32) {
  let L = net.layers[0];
  let base = modelBase(model);
  let n = min(ROWS, net.rows - row0);
  for (var e = lid; e < n * L.fanOut; e += WG) {
    let r = e / L.fanOut;
    let o = e % L.fanOut;
    var z = theta[base.params + L.b + o];
    for (var k = 0u; k < L.fanIn; k++) {
      z += theta[base.params + L.w + o * L.fanIn + k] * xin[r * MAX_INPUT + k];
    }
    let i = row0 + r;
    if (L.zOff != NO_OFFSET) { zs[base.zs + L.zOff + i * L.fanOut + o] = z; }
    acts[base.acts + L.outOff + i * L.fanOut + o] = act(z);
  }
}
