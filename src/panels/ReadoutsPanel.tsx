// Panel (e): memorization and generalization readouts of the latest evaluation (docs/design.md#what-is-measured; labels
// and hints from metricList.ts), and which engine runs where. Plain HTML: numbers people read,
// each with a data-testid (readout-<metric id>).
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric, formatPercent } from '../format/format';
import { t } from '../i18n/i18n';
import { useAppStore } from '../state/useAppStore';
import { useLiveText } from './useLiveText';
import { rateText } from './rateText';
import { PanelFrame } from './PanelFrame';
import { METRIC_LIST, metricHint, metricLabel, type MetricInfo } from './metricList';
import type { EvalMetrics } from '../engine/trainer';

/** `metric` names the readout a chapter's mark can point at (MarkTarget 'readout', src/ui/StoryMark.tsx). */
function Row({ label, id, children, hint, metric }: { label: string; id: string; children: ReactNode; hint?: string; metric?: string }) {
  return (
    <div className="readout" data-metric={metric}>
      <dt title={hint}>{label}</dt>
      <dd data-testid={id}>{children}</dd>
    </div>
  );
}

function ReproductionBar({ rate, chance }: { rate: number; chance: number }) {
  return (
    <div className="repro-bar" aria-hidden="true">
      <div className="fill" style={{ width: `${Math.min(100, 100 * rate)}%` }} />
      <div className="chance" style={{ left: `${Math.min(100, 100 * chance)}%` }} title={t('panels:readouts.chance')} />
    </div>
  );
}

/** How a figure reads in the panel (the list gives label and hint); '—' before the first evaluation. */
function metricValue(info: MetricInfo, m: EvalMetrics | null): ReactNode {
  switch (info.id) {
    case 'reproduction':
      return (
        <>
          <span className="big">{formatPercent(m?.reproduction)}</span>
          <span className="dim">{t('panels:readouts.vsChance', { rate: formatPercent(m?.chance) })}</span>
          {m && <ReproductionBar rate={m.reproduction} chance={m.chance} />}
        </>
      );
    case 'gaussianW2':
      return m?.gaussianW2 === null ? t('panels:readouts.notGaussian') : formatMetric(m?.gaussianW2);
    case 'generatedCov': {
      const c = m?.generatedCov;
      return c ? `[[${formatMetric(c[0], 2)}, ${formatMetric(c[1], 2)}], [${formatMetric(c[2], 2)}, ${formatMetric(c[3], 2)}]]` : '—';
    }
    case 'transportCost':
      return <>{formatMetric(m?.transportCost)}{m && m.otCost !== null ? <span className="dim">{t('panels:readouts.vsOt', { cost: formatMetric(m.otCost) })}</span> : null}</>;
    default:
      return formatMetric(m?.[info.id]);
  }
}

export function ReadoutsPanel() {
  const m = useAppStore((s) => s.evaluation?.metrics ?? null);
  const preview = useAppStore((s) => s.evaluationPreview);
  const kind = useAppStore((s) => s.engine.kind);
  const adapter = useAppStore((s) => s.engine.adapterName);
  const software = useAppStore((s) => s.engine.software);
  const stepRef = useLiveText<HTMLElement>((s) => formatCount(s.stepCount));
  const rateRef = useLiveText<HTMLElement>(useMemo(rateText, []));
  useTranslation(); // the labels follow the language
  return (
    <PanelFrame id="readouts" png={false}>
      <dl className="readouts" data-testid="readouts">
        {METRIC_LIST.map((info) => (
          <Row key={info.id} label={metricLabel(info.id)} id={`readout-${info.id}`} hint={metricHint(info.id)} metric={info.id}>{metricValue(info, m)}</Row>
        ))}
        <Row label={t('panels:readouts.evaluatedAt')} id="readout-eval-step">
          {m ? formatCount(m.step) : '—'}
          {m && preview !== null && <span className="dim" data-testid="eval-preview">{t('panels:readouts.preview', { n: formatCount(preview) })}</span>}
        </Row>
        <Row label={t('panels:readouts.currentStep')} id="readout-step"><span ref={stepRef} /> <span className="dim">(<span ref={rateRef} />)</span></Row>
        <Row label={t('panels:readouts.engine')} id="readout-engine">
          {kind === null ? t('panels:readouts.starting') : `${kind.toUpperCase()} · ${adapter}`}
          {software && <span className="tag" data-testid="software-adapter">{t('panels:readouts.software')}</span>}
        </Row>
      </dl>
    </PanelFrame>
  );
}
