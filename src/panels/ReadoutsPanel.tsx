// Panel (e): memorization and generalization readouts of the latest evaluation (SPEC §5), and
// which engine runs where. Plain HTML: numbers people read, each with a data-testid.
import type { ReactNode } from 'react';
import { formatMetric, formatPercent } from '../state/format';
import { useAppStore } from '../state/useAppStore';
import { useLiveText } from '../ui/useLiveText';
import { PanelFrame } from './PanelFrame';

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
      <div className="chance" style={{ left: `${Math.min(100, 100 * chance)}%` }} title="chance 1/N" />
    </div>
  );
}

export function ReadoutsPanel() {
  const m = useAppStore((s) => s.evaluation?.metrics ?? null);
  const preview = useAppStore((s) => s.evaluationPreview);
  const kind = useAppStore((s) => s.engine.kind);
  const adapter = useAppStore((s) => s.engine.adapterName);
  const software = useAppStore((s) => s.engine.software);
  const stepRef = useLiveText<HTMLElement>((s) => String(s.stepCount));
  const rateRef = useLiveText<HTMLElement>((s) => s.stepsPerSec.toFixed(0));
  const cov = m?.generatedCov;
  return (
    <PanelFrame id="readouts" png={false}>
      <dl className="readouts" data-testid="readouts">
        <Row label="pair reproduction" id="readout-reproduction" metric="reproduction" hint="share of training x0 whose flow endpoint is nearest to its own partner x1">
          <span className="big">{formatPercent(m?.reproduction)}</span>
          <span className="dim"> vs chance {formatPercent(m?.chance)}</span>
          {m && <ReproductionBar rate={m.reproduction} chance={m.chance} />}
        </Row>
        <Row label="distance to partner" id="readout-partner" hint="mean ‖endpoint − own partner x1‖">{formatMetric(m?.partnerDistance)}</Row>
        <Row label="sliced W2 to target" id="readout-sliced-w2" hint="generated cloud (fresh x0) vs a target sample">{formatMetric(m?.slicedW2)}</Row>
        <Row label="Gaussian W2 to target" id="readout-gaussian-w2" metric="gaussianW2" hint="closed form between the fitted Gaussian and the target">
          {m?.gaussianW2 === null ? 'target not Gaussian' : formatMetric(m?.gaussianW2)}
        </Row>
        <Row label="generated covariance" id="readout-cov">
          {cov ? `[[${formatMetric(cov[0], 2)}, ${formatMetric(cov[1], 2)}], [${formatMetric(cov[2], 2)}, ${formatMetric(cov[3], 2)}]]` : '—'}
        </Row>
        <Row label="straightness" id="readout-straightness" hint="E‖(x̂1 − x0) − v(x_t, t)‖² along the paths (0 = straight)">{formatMetric(m?.straightness)}</Row>
        <Row label="transport cost vs OT" id="readout-transport" hint="E‖x̂1 − x0‖² against the OT cost W2²">
          {formatMetric(m?.transportCost)}{m?.otCost !== null && m ? <span className="dim"> vs OT {formatMetric(m.otCost)}</span> : null}
        </Row>
        <Row label="evaluated at step" id="readout-eval-step">
          {m ? String(m.step) : '—'}
          {m && preview !== null && <span className="dim" data-testid="eval-preview"> · preview, {preview} particles</span>}
        </Row>
        <Row label="current step" id="readout-step"><span ref={stepRef} /> <span className="dim">(<span ref={rateRef} /> steps/s)</span></Row>
        <Row label="engine" id="readout-engine">
          {kind === null ? 'starting…' : `${kind.toUpperCase()} · ${adapter}`}
          {software && <span className="tag" data-testid="software-adapter">software adapter</span>}
        </Row>
      </dl>
    </PanelFrame>
  );
}
