// Export of what a panel shows: PNG (its canvas with its SVG drawn on top) and the curves as
// CSV / JSON (SPEC §6 Export). Runs only on a click; nothing here is on the frame path.
import type { CurveBuffer } from '../state/curves';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Draws the SVG (with its computed colour and font inlined) on top of the canvas, then saves. */
export function exportPanelPng(panel: HTMLElement, name: string): void {
  const plot = panel.querySelector<HTMLElement>('.plot');
  if (!plot) return;
  const { width, height } = plot.getBoundingClientRect();
  const dpr = Math.min(3, window.devicePixelRatio || 1);
  const out = document.createElement('canvas');
  out.width = Math.round(width * dpr);
  out.height = Math.round(height * dpr);
  const ctx = out.getContext('2d');
  if (!ctx) return;
  const style = getComputedStyle(panel);
  ctx.fillStyle = style.backgroundColor || '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of plot.querySelectorAll('canvas')) ctx.drawImage(c, 0, 0, out.width, out.height);
  const svg = plot.querySelector('svg');
  const finish = () => out.toBlob((blob) => { if (blob) download(`flowvar-${name}.png`, blob); });
  if (!svg) return finish();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // through the CSSOM: the page's CSP (src/csp.ts) refuses style attributes set as text
  clone.style.color = style.color;
  clone.style.fontFamily = style.fontFamily;
  clone.style.fontSize = getComputedStyle(svg).fontSize;
  const img = new Image();
  img.onload = () => { ctx.drawImage(img, 0, 0, out.width, out.height); finish(); };
  img.onerror = finish;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
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
