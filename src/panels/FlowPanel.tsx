// Panel (b): what the network learned: ODE paths from training x0 and fresh x0, the vector field
// at a scrubbable t (computed by the engine: src/state/fieldJobs.ts), endpoints and (optionally)
// lines to the training partners.
import { useRef } from 'react';
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
        label="Paths of the learned ODE from training and fresh starting points">
        <StoryMarkLayer panel="flow" x={scales.x} y={scales.y}
          plot={{ left: PLANE_MARGIN.left, right: size.width - PLANE_MARGIN.right, top: PLANE_MARGIN.top, bottom: size.height - PLANE_MARGIN.bottom }} />
      </FlowPlot>
    </PanelFrame>
  );
}

/** One entry per mark the flow panel draws now (src/panels/drawFlow.ts), in its colours. */
function FlowLegend() {
  const layers = useAppStore((s) => s.layers);
  const t = useAppStore((s) => s.tScrub);
  const paths = layers.trainPaths || layers.freshPaths;
  return (
    <p className="legend" data-testid="flow-legend">
      {layers.trainPaths && <span className="key trainPaths">— paths from training x0{layers.endpoints ? ', ● where they end' : ''}</span>}
      {layers.freshPaths && <span className="key freshPaths">— paths from fresh x0{layers.endpoints ? ', ● where they end' : ''}</span>}
      {paths && t < 1 && <span className="key xt" data-testid="legend-at-t">● every path's point at t = {t.toFixed(2)}</span>}
      {layers.quiver && <span className="key quiver">→ velocity v(x, t) the net learned</span>}
      {layers.partners && <span className="key partners" data-testid="legend-partners">— from a training x0's end to its own partner x1</span>}
    </p>
  );
}

function Footer() {
  const t = useAppStore((s) => s.tScrub);
  const hidden = useAppStore((s) => s.hidden.includes('tScrub'));
  return (
    <div className="flow-foot">
      {!hidden && (
        <label className="scrub">
          t = <output data-testid="t-value">{t.toFixed(2)}</output>
          <input type="range" min={0} max={1} step={0.01} value={t} onChange={(e) => setTScrub(Number(e.target.value))} data-testid="t-scrub"
            aria-label="time t of the vector field and of the particles" />
        </label>
      )}
      <FlowLegend />
    </div>
  );
}
