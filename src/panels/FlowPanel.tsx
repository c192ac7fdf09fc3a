// Panel (b): what the network learned: ODE paths from training x0 and fresh x0, the vector field
// at a scrubbable t (computed by the engine: src/state/fieldJobs.ts), endpoints and (optionally)
// lines to the training partners.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFixed } from '../format/format';
import { setTScrub } from '../state/actions';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { panelCanvas } from './canvas';
import { drawFlow } from './drawFlow';
import { PanelFrame } from './PanelFrame';
import { FlowPlot } from './FlowPlot';
import { usePlane } from './usePlane';
import { PLANE_MARGIN } from './planeFrame';
import { StoryMarkLayer } from './StoryMarkLayer';
import { useRedraw } from './useRedraw';
import { drawStoreOverlay, OverlayControls } from './science/OverlayControls';

export function FlowPanel() {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { size, scales, gx, gy } = usePlane(box, false, 'flow');
  const evalStep = useAppStore((s) => s.evaluation?.metrics.step ?? null);
  const hiddenOverlay = useAppStore((s) => s.hidden.includes('overlay'));
  const { t } = useTranslation();

  useRedraw(() => {
    const s = appStore.getState();
    const frame = panelCanvas(canvas.current, box.current, size);
    if (!frame) return;
    const { ctx, p: palette } = frame;
    const quiver = s.layers.quiver ? s.quiver : null;
    drawFlow(ctx, { evaluation: s.evaluation, pairs: s.pairs, quiver, scales, layers: s.layers, tScrub: s.tScrub, palette });
    drawStoreOverlay(ctx, scales, palette);
  }, (s) => [s.evaluation, s.quiver, s.layers, s.tScrub, s.theme, s.pairs, s.overlay.kind, s.overlay.trajectories, s.config.phi], [scales, size.width, size.height]);

  return (
    <PanelFrame id="flow" footer={<><Footer />{!hiddenOverlay && <OverlayControls />}</>}>
      <FlowPlot box={box} canvas={canvas} gx={gx} gy={gy} size={size} evalStep={evalStep} canvasTestId="canvas-flow"
        label={t('panels:flow.plotLabel')}>
        <StoryMarkLayer panel="flow" x={scales.x} y={scales.y}
          plot={{ left: PLANE_MARGIN.left, right: size.width - PLANE_MARGIN.right, top: PLANE_MARGIN.top, bottom: size.height - PLANE_MARGIN.bottom }} />
      </FlowPlot>
    </PanelFrame>
  );
}

/** One entry per mark the flow panel draws now (src/panels/drawFlow.ts), in its colours. */
function FlowLegend() {
  const layers = useAppStore((s) => s.layers);
  const tScrub = useAppStore((s) => s.tScrub);
  const { t } = useTranslation();
  const paths = layers.trainPaths || layers.freshPaths;
  const ends = layers.endpoints ? t('panels:flow.legend.whereEnd') : '';
  return (
    <p className="legend" data-testid="flow-legend">
      {layers.trainPaths && <span className="key trainPaths">{t('panels:flow.legend.trainPaths')}{ends}</span>}
      {layers.freshPaths && <span className="key freshPaths">{t('panels:flow.legend.freshPaths')}{ends}</span>}
      {paths && tScrub < 1 && <span className="key xt" data-testid="legend-at-t">{t('panels:flow.legend.atT', { t: formatFixed(tScrub, 2) })}</span>}
      {layers.quiver && <span className="key quiver">{t('panels:flow.legend.quiver')}</span>}
      {layers.partners && <span className="key partners" data-testid="legend-partners">{t('panels:flow.legend.partners')}</span>}
    </p>
  );
}

function Footer() {
  const tScrub = useAppStore((s) => s.tScrub);
  const hidden = useAppStore((s) => s.hidden.includes('tScrub'));
  const { t } = useTranslation();
  return (
    <div className="flow-foot">
      {!hidden && (
        <label className="scrub">
          t = <output data-testid="t-value">{formatFixed(tScrub, 2)}</output>
          <input type="range" min={0} max={1} step={0.01} value={tScrub} onChange={(e) => setTScrub(Number(e.target.value))} data-testid="t-scrub"
            aria-label={t('panels:flow.scrubLabel')} />
        </label>
      )}
      <FlowLegend />
    </div>
  );
}
