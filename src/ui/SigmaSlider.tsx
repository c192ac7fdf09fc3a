// The σ slider (docs/math.md#interpolants-σ): 0, then a log scale up to the table's σ maximum in notches, the paper's σ = 0.05 marked.
// It acts live: training continues from the current weights (the runner calls setLive).
import { useTranslation } from 'react-i18next';
import { setSigma } from '../state/actions';
import { notchOf, PAPER_SIGMA, SIGMA_NOTCHES, sigmaAt } from '../format/sigmaScale';
import { formatSigma } from '../format/format';
import { useAppStore } from '../state/useAppStore';

const LAST = SIGMA_NOTCHES.length - 1;

/** `testIdPrefix` tells a second copy (the phone bar's) apart from the settings column's. */
export function SigmaSlider({ id, label, testIdPrefix = '' }: { id: string; label: string; testIdPrefix?: string }) {
  const { t } = useTranslation();
  const sigma = useAppStore((s) => s.config.sigma);
  const kind = useAppStore((s) => s.config.interpolant);
  const ignored = kind === 'deterministic';
  const paperAt = (100 * notchOf(PAPER_SIGMA)) / LAST;
  return (
    <div className="control sigma" data-control="sigma">
      <label htmlFor={id}>
        {label} <output className="sigma-value" data-testid={`${testIdPrefix}sigma-value`}>{formatSigma(sigma)}</output>
      </label>
      <div className="sigma-track">
        <input id={id} type="range" min={0} max={LAST} step={1} value={notchOf(sigma)} data-testid={`${testIdPrefix}sigma-slider`}
          aria-valuetext={`σ = ${formatSigma(sigma)}`}
          onChange={(e) => setSigma(sigmaAt(Number(e.target.value)))} />
        <div className="sigma-ticks" aria-hidden="true">
          <span style={{ left: '0%' }}>{formatSigma(SIGMA_NOTCHES[0])}</span>
          <span className="paper" style={{ left: `${paperAt}%` }} title={t('sigma.paperHint', { sigma: formatSigma(PAPER_SIGMA) })}>{t('sigma.paperMark', { sigma: formatSigma(PAPER_SIGMA) })}</span>
          <span style={{ left: '100%' }}>{formatSigma(SIGMA_NOTCHES[LAST])}</span>
        </div>
      </div>
      {ignored && <p className="hint">{t('sigma.ignored')}</p>}
    </div>
  );
}
