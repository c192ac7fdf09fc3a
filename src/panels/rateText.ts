// The steps/s readout (header and memorization panel): the live rate while training; once the run
// pauses or finishes, the rate it last trained at ("30 steps/s, last run"), never "0" or "—".
import { formatFixed } from '../format/format';
import { t } from '../i18n/i18n';
import { shownStepsPerSec } from '../state/compareSlice';
import type { Store } from '../state/store';

function formatRate(stepsPerSec: number): string {
  return formatFixed(stepsPerSec, stepsPerSec < 10 ? 1 : 0);
}

/** A formatter for one readout: it remembers the last rate seen while training. */
export function rateText(): (s: Store) => string {
  let last = 0;
  return (s) => {
    const rate = shownStepsPerSec(s);
    if (s.playing && rate > 0) last = rate;
    if (s.playing) return rate > 0 || last > 0 ? t('panels:rate.live', { rate: formatRate(rate > 0 ? rate : last) }) : t('panels:rate.none');
    return last > 0 ? t('panels:rate.lastRun', { rate: formatRate(last) }) : t('panels:rate.none');
  };
}
