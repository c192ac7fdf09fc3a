// Canvas set-up shared by the panels: device-pixel sizing, cleared, in CSS-pixel coordinates.
import { readPalette, type Palette } from './palette';

/** Sizes `canvas` to width × height CSS pixels at the device pixel ratio; returns a cleared context. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.min(3, window.devicePixelRatio || 1);
  const w = Math.max(1, Math.round(width * dpr)), h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/** A panel's canvas ready to draw on: sized and cleared, with the palette of the panel's theme; null before layout. */
export function panelCanvas(canvas: HTMLCanvasElement | null, box: HTMLElement | null, size: { width: number; height: number }): { ctx: CanvasRenderingContext2D; p: Palette } | null {
  if (!canvas || !box || size.width === 0) return null;
  const ctx = fitCanvas(canvas, size.width, size.height);
  return ctx ? { ctx, p: readPalette(box) } : null;
}
