// The σ rows of a results file in the sweep panel (docs/classroom.md#a-big-run-beside-the-live-one):
// reproduction and sliced W2 against σ, dashed, with a ±1 std band where the file has seeds, and
// the file's label. SVG, so a PNG/SVG export carries it.
import type { ScaleContinuousNumeric } from 'd3';
import type { SigmaAxis } from './sigmaAxis';
import { overlayLabel, type OverlaySigma, type ResultsOverlay } from '../../state/resultsFile';
import { useTranslateMessage } from '../../i18n/translateMessage';

type Scale = ScaleContinuousNumeric<number, number>;

/** A line through the rows' values and, where they have a std, the band value ± std around it. */
function series(rows: readonly OverlaySigma[], value: (r: OverlaySigma) => number | null, std: (r: OverlaySigma) => number | null, axis: SigmaAxis, y: Scale) {
  const pts = rows.filter((r) => value(r) !== null);
  const line = pts.map((r, i) => `${i === 0 ? 'M' : 'L'}${axis.x(r.sigma)},${y(value(r)!)}`).join('');
  const banded = pts.filter((r) => (std(r) ?? 0) > 0);
  const band = banded.length === pts.length && pts.length > 0
    ? [...pts.map((r) => `${axis.x(r.sigma)},${y(value(r)! + std(r)!)}`), ...[...pts].reverse().map((r) => `${axis.x(r.sigma)},${y(Math.max(0, value(r)! - std(r)!))}`)].join(' ')
    : null;
  return { line, band, pts };
}

export function SweepOverlay({ overlay, axis, yRate, yDist, labelX, labelY }: { overlay: ResultsOverlay; axis: SigmaAxis; yRate: Scale; yDist: Scale; labelX: number; labelY: number }) {
  const rep = series(overlay.sigmas, (r) => r.reproduction, (r) => r.reproductionStd, axis, yRate);
  const w2 = series(overlay.sigmas, (r) => r.slicedW2, (r) => r.slicedW2Std, axis, yDist);
  const say = useTranslateMessage();
  return (
    <g className="results-overlay" data-testid="results-overlay">
      {rep.band && <polygon className="overlay-band-rep" points={rep.band} />}
      {w2.band && <polygon className="overlay-band-w2" points={w2.band} />}
      <path className="overlay-rep" d={rep.line} />
      <path className="overlay-w2" d={w2.line} />
      {rep.pts.map((r) => <circle key={`r${r.sigma}`} className="overlay-rep" cx={axis.x(r.sigma)} cy={yRate(r.reproduction!)} r={3.5} />)}
      {w2.pts.map((r) => <circle key={`w${r.sigma}`} className="overlay-w2" cx={axis.x(r.sigma)} cy={yDist(r.slicedW2!)} r={3.5} />)}
      <text className="overlay-label" x={labelX} y={labelY} data-testid="results-overlay-label">- - {overlayLabel(overlay, say)}</text>
    </g>
  );
}
