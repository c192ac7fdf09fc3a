// A results file beside the live run (docs/classroom.md#a-big-run-beside-the-live-one): its curves
// in the gradient-variance panel, or its σ rows in the sweep panel, drawn as SVG so a PNG/SVG
// export carries them with their label; and the bar under the panel that hides or removes it.
import { line } from 'd3';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/format';
import type { ScaleContinuousNumeric } from 'd3';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { overlayLabel, type OverlayCurve, type ResultsOverlay } from '../state/resultsFile';
import { removeResultsOverlay, setOverlayHidden } from '../state/overlaySlice';
import { useTranslateMessage } from '../i18n/translateMessage';

type Scale = ScaleContinuousNumeric<number, number>;

/** The path of one column of a curve (gaps where a value is null or not positive on a log axis). */
function curvePath(c: OverlayCurve, column: 'gradVar' | 'loss', x: Scale, y: Scale): string {
  const values = c[column];
  return line<number>().defined((i) => values[i] !== null && values[i]! > 0).x((i) => x(c.steps[i])).y((i) => y(values[i]!))(c.steps.map((_, i) => i)) ?? '';
}

/** The overlay's gradient-variance (top) and loss (bottom) curves and its label. */
export function OverlayCurves({ overlay, x, yTop, yBottom, labelX, labelY }: { overlay: ResultsOverlay; x: Scale; yTop: Scale; yBottom: Scale; labelX: number; labelY: number }) {
  const say = useTranslateMessage();
  return (
    <g className="results-overlay" data-testid="results-overlay">
      {overlay.curves.map((c, k) => (
        <g key={c.label} opacity={1 - (0.5 * k) / Math.max(1, overlay.curves.length)}>
          <path className="overlay-gradvar" d={curvePath(c, 'gradVar', x, yTop)} />
          <path className="overlay-loss" d={curvePath(c, 'loss', x, yBottom)} />
        </g>
      ))}
      <text className="overlay-label" x={labelX} y={labelY} data-testid="results-overlay-label">- - {overlayLabel(overlay, say)}</text>
    </g>
  );
}

/** The step and log-y extents the overlay's curves need (merged into the panel's own). */
export function overlayExtents(o: ResultsOverlay | null): { lastStep: number; gradVar: [number, number] | null; loss: [number, number] | null } {
  if (!o) return { lastStep: 0, gradVar: null, loss: null };
  const ext = (col: 'gradVar' | 'loss'): [number, number] | null => {
    const v = o.curves.flatMap((c) => c[col]).filter((x): x is number => x !== null && x > 0);
    return v.length ? [Math.min(...v), Math.max(...v)] : null;
  };
  return { lastStep: Math.max(0, ...o.curves.flatMap((c) => c.steps)), gradVar: ext('gradVar'), loss: ext('loss') };
}

/** Union of two log extents. */
export function unionExtent(a: [number, number], b: [number, number] | null): [number, number] {
  return b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : a;
}

/** Under the panel: what the overlay is, that the link does not carry it, and Hide / Remove. */
export function OverlayBar({ panel }: { panel: ResultsOverlay['panel'] }) {
  const overlay = useAppStore((s) => (s.resultsOverlay?.panel === panel ? s.resultsOverlay : null));
  const hidden = useAppStore((s) => s.overlayHidden);
  const { t } = useTranslation();
  const say = useTranslateMessage();
  if (!overlay) return null;
  const notes = overlay.notes.map((n) => `; ${say(n)}`).join('');
  return (
    <div className="overlay-bar" role="group" aria-label={t('panels:overlay.group')} data-testid="overlay-bar">
      <span>{t('panels:overlay.what', { label: overlayLabel(overlay, say, 140), rows: formatCount(overlay.rows), notes })}
        {' '}{t('panels:overlay.local')}</span>{' '}
      <button type="button" className="tool" onClick={() => setOverlayHidden(!hidden, appStore)} aria-pressed={hidden} data-testid="overlay-hide">{hidden ? t('panels:overlay.show') : t('panels:overlay.hide')}</button>
      <button type="button" className="tool" onClick={() => removeResultsOverlay(appStore)} data-testid="overlay-remove">{t('panels:overlay.remove')}</button>
    </div>
  );
}
