// The steps/s readout (header and memorization panel): the live rate while training; once the run
// pauses or finishes, the rate it last trained at ("30 steps/s, last run"), never "0" or "—".
import { shownStepsPerSec } from '../state/compareSlice';
import type { Store } from '../state/store';

function formatRate(stepsPerSec: number): string {
  return `${stepsPerSec < 10 ? stepsPerSec.toFixed(1) : stepsPerSec.toFixed(0)} steps/s`;
}

/** A formatter for one readout: it remembers the last rate seen while training. */
export function rateText(): (s: Store) => string {
  let last = 0;
  return (s) => {
    const rate = shownStepsPerSec(s);
    if (s.playing && rate > 0) last = rate;
    if (s.playing) return rate > 0 ? formatRate(rate) : last > 0 ? formatRate(last) : '— steps/s';
    return last > 0 ? `${formatRate(last)}, last run` : '— steps/s';
  };
}
