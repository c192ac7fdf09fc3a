// Export of what a panel shows: PNG and SVG figures (src/panels/exportCompose.ts) and the curves as
// CSV / JSON (docs/design.md#export). Runs only on a click; nothing here is on the frame path.
import type { CurveBuffer } from '../state/curves';
import { appStore } from '../state/store';
import { shareSettings } from '../state/urlSync';
import { composePanel } from './exportCompose';
import { withPngText } from './pngText';
import { VERSION_LABEL } from '../format/version';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves `panel` as a figure (title, plot, legend, settings stamp) in `format`. */
export function exportPanel(panel: HTMLElement, id: string, title: string, format: 'png' | 'svg'): void {
  const stamp = shareSettings(appStore.getState());
  const figure = composePanel(panel, title, stamp);
  if (!figure) return;
  if (format === 'svg') return download(`flowvar-${id}.svg`, new Blob([figure.svg], { type: 'image/svg+xml' }));
  const dpr = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  const out = document.createElement('canvas');
  out.width = Math.round(figure.width * dpr);
  out.height = Math.round(figure.height * dpr);
  const ctx = out.getContext('2d');
  if (!ctx) return;
  const img = new Image();
  img.onload = () => {
    ctx.drawImage(img, 0, 0, out.width, out.height);
    out.toBlob((blob) => {
      if (!blob) return;
      void blob.arrayBuffer().then((buf) => download(`flowvar-${id}.png`, new Blob([withPngText(withPngText(new Uint8Array(buf), 'flowvar', stamp), 'flowvar-version', VERSION_LABEL) as Uint8Array<ArrayBuffer>], { type: 'image/png' })));
    }, 'image/png');
  };
  img.onerror = () => console.error(`flowvar: the ${id} figure could not be rendered as PNG`);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg)}`;
}

/** The curves as CSV: one row per stored point. */
export function curvesCsv(curves: CurveBuffer): string {
  const rows = curves.toArray();
  const head = 'step,loss,loss_ema,grad_var,grad_var_ema,noise_to_signal,sigma';
  return [head, ...rows.map((p) => [p.step, p.loss, p.lossEma, p.gradVar, p.gradVarEma, p.noiseToSignal, p.sigma].join(','))].join('\n');
}

export function exportCurves(curves: CurveBuffer, format: 'csv' | 'json', extra: Record<string, unknown> = {}): void {
  if (format === 'csv') download('flowvar-curves.csv', new Blob([curvesCsv(curves)], { type: 'text/csv' }));
  else download('flowvar-curves.json', new Blob([JSON.stringify({ ...extra, curves: curves.toArray() }, null, 1)], { type: 'application/json' }));
}
