// Play / pause / single step / reset / new seed, the speed, and the live step and loss readouts
// (data-testid "step-count" and "loss-readout", which the e2e tests watch).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { newSeed, resetRun, setSpeed, stepOnce } from '../state/actions';
import { formatCount, formatMetric } from '../format/format';
import { useAppStore } from '../state/useAppStore';
import { SPEED_MAX, SPEED_MIN } from '../link/viewParams';
import { useLiveText } from '../panels/useLiveText';
import { PlayButton } from './PlayButton';
import { shownLosses, shownStep } from '../state/compareSlice';
import { rateText } from '../panels/rateText';
import { runGoal } from '../state/runGoal';

export function Transport() {
  const { t } = useTranslation();
  const speed = useAppStore((s) => s.speed);
  const hidden = useAppStore((s) => s.hidden);
  const blocked = useAppStore((s) => s.error !== null || s.engine.phase !== 'ready');
  // while comparing, the compare runs' step, losses (A / B) and rate: the single run stands idle
  const stepRef = useLiveText<HTMLSpanElement>((s) => formatCount(shownStep(s)));
  const targetRef = useLiveText<HTMLSpanElement>((s) => (s.config.steps > 0 ? ` / ${formatCount(runGoal(s))}` : ''));
  const lossRef = useLiveText<HTMLSpanElement>((s) => shownLosses(s).map((l) => formatMetric(l, 4)).join(' / '));
  const rateRef = useLiveText<HTMLSpanElement>(useMemo(rateText, []));
  const engine = useAppStore((s) => (s.engine.kind === 'gpu' ? 'GPU' : s.engine.kind === 'cpu' ? 'CPU' : '…'));
  const engineName = useAppStore((s) => s.engine.adapterName);
  const show = (name: string) => !hidden.includes(name);
  return (
    <div className="transport" role="group" aria-label={t('transport.group')}>
      {show('play') && (
        <PlayButton testId="play" />
      )}
      {show('step') && <button type="button" onClick={() => stepOnce()} disabled={blocked} title="→" data-testid="step">{t('transport.step')}</button>}
      {show('reset') && <button type="button" onClick={() => resetRun()} title={t('transport.resetHint')} data-testid="reset">{t('transport.reset')}</button>}
      {show('newSeed') && show('seed') && <button type="button" onClick={() => newSeed()} data-testid="new-seed">{t('transport.newSeed')}</button>}
      {show('speed') && (
        <label className="speed">
          {t('transport.speed')}
          <input type="number" min={SPEED_MIN} max={SPEED_MAX} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="speed" />
        </label>
      )}
      <span className="live" aria-live="off">
        {t('transport.stepCount')} <strong><span data-testid="step-count" ref={stepRef}>0</span><span ref={targetRef} /></strong>
        <span className="sep">·</span>
        {t('transport.loss')} <strong data-testid="loss-readout" ref={lossRef}>—</strong>
        <span className="sep">·</span>
        <span ref={rateRef} data-testid="steps-per-sec" />
        <span className="sep">·</span>
        <span data-testid="engine-readout" title={engineName}>{engine}</span>
      </span>
    </div>
  );
}
