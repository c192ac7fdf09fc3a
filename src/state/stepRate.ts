// The steps/s readout of both runners: steps per second over the last RATE_SPAN_MS, sampled every
// RATE_WINDOW_MS, so steps that advanced within the span always read above 0, even when an
// evaluation held the CPU worker for a whole window.

const RATE_WINDOW_MS = 500;
/** The readout averages over this span (longer than an evaluation of the CPU worker). */
const RATE_SPAN_MS = 3000;

export class StepRate {
  private lastSample = -Infinity;
  private readonly samples: { time: number; step: number }[] = [];

  /** The rate at `now` when a window has passed since the last sample; null in between. */
  sample(now: number, step: number): number | null {
    if (now - this.lastSample < RATE_WINDOW_MS) return null;
    this.lastSample = now;
    const samples = this.samples;
    if (samples.length > 0 && step < samples[samples.length - 1].step) samples.length = 0; // a reset or rebuild
    samples.push({ time: now, step });
    while (samples.length > 2 && now - samples[1].time >= RATE_SPAN_MS) samples.shift();
    const first = samples[0];
    return now > first.time ? ((step - first.step) * 1000) / (now - first.time) : 0;
  }
}
