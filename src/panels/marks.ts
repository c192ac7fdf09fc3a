// The small marks every canvas panel draws, added to the current path (the caller strokes or
// fills once per batch): an arrow (shaft and head) and a dot (a circle, or a square where a
// panel draws thousands and arcs would cost frames).

/** Above this many dots a panel draws squares: a canvas path of 10⁵ arcs takes ~100 ms to fill. */
export const ARC_DOTS_MAX = 2048;

/**
 * An arrow from (x0, y0) to (x1, y1), in pixels. The head, min(5, headFraction · length) long,
 * is added only when the arrow is at least `headFrom` pixels long.
 */
export function arrowPath(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, headFraction: number, headFrom = 0): void {
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < headFrom || !(len > 0)) return;
  const ux = (x1 - x0) / len, uy = (y1 - y0) / len, head = Math.min(5, headFraction * len);
  ctx.moveTo(x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux));
  ctx.lineTo(x1, y1);
  ctx.lineTo(x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux));
}

/** A dot of radius r at (cx, cy), in pixels: a circle, or a square when `square` (dense sets). */
export function dotPath(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, square = false): void {
  if (square) { ctx.rect(cx - r, cy - r, 2 * r, 2 * r); return; }
  ctx.moveTo(cx + r, cy);
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
}
