// Closed-form overlay controls and readout for a plane panel (the learned-flow panel): which
// closed form to draw (OT, rotated φ, both), its trajectories, and how far the learned field is
// from each (mean squared distance over x in the shown square, t ∈ {0.1, …, 0.9}). Also the draw
// call the panel makes in its redraw: drawStoreOverlay(ctx, scales, palette).
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric } from '../../format/format';
import { setOverlay, setOverlayTrajectories } from '../../state/scienceActions';
import type { OverlayKind } from '../../state/scienceSlice';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { sourceSpec, targetSpec } from '../../engine/world';
import type { Palette } from '../palette';
import { drawOverlay, overlayLayers, type OverlayScales } from './drawOverlay';

/** Training x0's whose closed-form trajectories are drawn. */
export const OVERLAY_TRAJECTORIES = 150;

/** Draws the store's chosen overlay at the flow panel's t (nothing when 'none' or not Gaussian). */
export function drawStoreOverlay(ctx: CanvasRenderingContext2D, scales: OverlayScales, palette: Palette): void {
  const s = appStore.getState();
  const layers = overlayLayers(sourceSpec(s.config), targetSpec(s.config), s.config.phi, s.overlay.kind, { ot: palette.target, rotated: palette.partners });
  if (layers.length === 0) return;
  const starts = s.overlay.trajectories && s.pairs ? s.pairs.x0.subarray(0, 2 * Math.min(s.pairs.n, OVERLAY_TRAJECTORIES)) : null;
  drawOverlay(ctx, scales, { layers, t: s.tScrub, starts, weight: palette.weight });
}

/** The closed forms, named by panels:closedForm.kinds.<kind>. */
const KINDS: readonly OverlayKind[] = ['none', 'ot', 'rotated', 'both'];

export function OverlayControls() {
  const kind = useAppStore((s) => s.overlay.kind);
  const trajectories = useAppStore((s) => s.overlay.trajectories);
  const gaussian = useAppStore((s) => s.config.source === 'gaussian' && s.config.target === 'gaussian');
  // measured by the engine after each evaluation while an overlay is shown (src/state/fieldJobs.ts)
  const distance = useAppStore((s) => s.overlay.distance);
  const { t } = useTranslation();
  if (!gaussian) return <p className="plot-note">{t('panels:closedForm.gaussianOnly')}</p>;
  return (
    <div className="overlay-controls">
      <label>
        {t('panels:closedForm.label')}{' '}
        <select value={kind} onChange={(e) => setOverlay(e.target.value as OverlayKind)} data-testid="overlay-kind">
          {KINDS.map((k) => <option key={k} value={k}>{t(`panels:closedForm.kinds.${k}`)}</option>)}
        </select>
      </label>{' '}
      <label>
        <input type="checkbox" checked={trajectories} onChange={(e) => setOverlayTrajectories(e.target.checked)} /> {t('panels:closedForm.trajectories')}
      </label>
      {kind !== 'none' && distance && (
        <span className="plot-note" role="status" data-testid="overlay-distance">
          {' '}{t('panels:closedForm.distance', { ot: formatMetric(distance.ot), rotated: formatMetric(distance.rotated), step: formatCount(distance.step) })}
        </span>
      )}
    </div>
  );
}
