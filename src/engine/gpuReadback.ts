// A small pool of MAP_READ staging buffers for the per-submit metrics (docs/design.md#readbacks-never-block, after
// webgpu-samples computeBoids): a copy into a free buffer is encoded with the submit, and
// mapAsync().then hands the bytes over and returns the buffer to the pool. Nothing ever waits for
// a free buffer: when all are in flight a new one is made; the pool keeps at most `keep` idle.
import { createBuffer, USAGE } from './gpuBuffers';

export class ReadbackRing {
  private free: GPUBuffer[] = [];
  private all = new Set<GPUBuffer>();

  constructor(private readonly device: GPUDevice, private readonly size: number, private readonly keep = 4) {}

  /** Encodes copies of `regions` (source, offset, bytes) back to back into one staging buffer. */
  encode(encoder: GPUCommandEncoder, regions: ReadonlyArray<[GPUBuffer, number, number]>): GPUBuffer {
    const total = regions.reduce((s, [, , n]) => s + n, 0);
    if (total > this.size) throw new Error(`invalid readback size: ${total} > ${this.size}`);
    const staging = this.free.pop() ?? this.make();
    let at = 0;
    for (const [source, offset, n] of regions) {
      encoder.copyBufferToBuffer(source, offset, staging, at, n);
      at += n;
    }
    return staging;
  }

  /** After the submit: resolves with a copy of the first `bytes` and recycles the buffer. */
  read(staging: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
    return staging.mapAsync(0x1 /* GPUMapMode.READ */, 0, this.size).then(() => {
      const data = staging.getMappedRange(0, this.size).slice(0, bytes);
      staging.unmap();
      this.release(staging);
      return data;
    }, (error: unknown) => {
      this.release(staging);
      throw error;
    });
  }

  private make(): GPUBuffer {
    const b = createBuffer(this.device, 'metrics readback', this.size, USAGE.MAP_READ | USAGE.COPY_DST);
    this.all.add(b);
    return b;
  }

  private release(b: GPUBuffer): void {
    if (!this.all.has(b)) return;
    if (this.free.length < this.keep) this.free.push(b);
    else { this.all.delete(b); b.destroy(); }
  }

  destroy(): void {
    for (const b of this.all) b.destroy();
    this.all.clear();
    this.free = [];
  }
}
