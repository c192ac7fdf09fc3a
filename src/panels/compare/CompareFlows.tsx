// The two learned flows side by side on the same axes (one square extent around both runs' pairs),
// each drawn by the flow panel's pure drawFlow, with its quiver computed by the field jobs
// (src/state/fieldJobs.ts, in the field worker) like the flow panel's.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setPlaneDomain } from '../../state/actions';
import { appStore } from '../../state/store';
import { useAppStore } from '../../state/useAppStore';
import { runSettingLabel } from './runLabel';
import { fitCanvas } from '../canvas';
import { drawFlow } from '../drawFlow';
import { readPalette } from '../palette';
import { FlowPlot } from '../FlowPlot';
import { planeExtent, planeScales, type PlaneExtent } from '../planeFrame';
import { usePlaneAxes } from '../usePlane';
import { useRedraw } from '../useRedraw';
import { useSize } from '../useSize';
import { RUN_COLOURS } from './runColours';

/** The smallest square extent holding both. */
export function unionExtent(a: PlaneExtent, b: PlaneExtent): PlaneExtent {
  const lo = [Math.min(a.cx - a.half, b.cx - b.half), Math.min(a.cy - a.half, b.cy - b.half)];
  const hi = [Math.max(a.cx + a.half, b.cx + b.half), Math.max(a.cy + a.half, b.cy + b.half)];
  return { cx: (lo[0] + hi[0]) / 2, cy: (lo[1] + hi[1]) / 2, half: Math.max(hi[0] - lo[0], hi[1] - lo[1]) / 2 };
}

function RunFlow({ run }: { run: 0 | 1 }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useSize(box);
  const pairsA = useAppStore((s) => s.compareState.runs[0]?.pairs ?? null);
  const pairsB = useAppStore((s) => s.compareState.runs[1]?.pairs ?? null);
  const key = useAppStore((s) => s.compare?.key ?? null);
  const config = useAppStore((s) => s.compareState.runs[run]?.config ?? null);
  const evalStep = useAppStore((s) => s.compareState.runs[run]?.evaluation?.metrics.step ?? null);
  const extent = useMemo(() => {
    const c = appStore.getState().config;
    return unionExtent(planeExtent(pairsA, c), planeExtent(pairsB, c));
  }, [pairsA, pairsB]);
  const scales = useMemo(() => planeScales(extent, size.width, size.height), [extent, size.width, size.height]);
  const { gx, gy } = usePlaneAxes(scales, size.height);
  useEffect(() => {
    // both flows share one plane: A reports it, and the field jobs compute both quivers over it
    if (run === 0 && size.width > 0) setPlaneDomain('compare', scales.x.domain(), scales.y.domain());
  }, [run, scales, size.width]);

  useRedraw(() => {
    const c = canvas.current;
    if (!c || !box.current || size.width === 0) return;
    const ctx = fitCanvas(c, size.width, size.height);
    const s = appStore.getState();
    const r = s.compareState.runs[run];
    if (!ctx || !r) return;
    const quiver = s.layers.quiver ? s.compareQuivers[run] ?? null : null;
    drawFlow(ctx, { evaluation: r.evaluation, pairs: r.pairs, quiver, scales, layers: s.layers, tScrub: s.tScrub, palette: readPalette(box.current) });
  }, (s) => [s.compareState.runs[run]?.evaluation, s.compareState.runs[run]?.pairs, s.compareQuivers[run], s.layers, s.tScrub, s.theme], [scales, size.width, size.height, run]);

  const { t } = useTranslation();
  const title = key && config ? `${'AB'[run]}: ${runSettingLabel(key, config[key])}` : 'AB'[run];
  return (
    <figure className="compare-flow" data-testid={`compare-flow-${'ab'[run]}`}>
      <figcaption style={{ color: RUN_COLOURS[run] }}>{title}</figcaption>
      <FlowPlot box={box} canvas={canvas} gx={gx} gy={gy} size={size} evalStep={evalStep} canvasTestId={`canvas-compare-${'ab'[run]}`}
        label={t('panels:compare.flowLabel', { run: title })} />
    </figure>
  );
}

export function CompareFlows() {
  return (
    <div className="compare-flows">
      <RunFlow run={0} />
      <RunFlow run={1} />
    </div>
  );
}
