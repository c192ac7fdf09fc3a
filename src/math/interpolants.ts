// The three interpolants of docs/math.md#interpolants-σ: position x_t and regression target u_t for a pair.
// Mirrored by shaders/common.wgsl interpolate() and interpolantTime().

/** The interpolant kinds of docs/math.md#interpolants-σ (the config table's `interpolant` values). */
export const INTERPOLANTS = ['deterministic', 'constant', 'bridge'] as const;
export type InterpolantKind = (typeof INTERPOLANTS)[number];

export const INTERPOLANT_ID: Record<InterpolantKind, number> = { deterministic: 0, constant: 1, bridge: 2 };

/** The bridge's u_t has 1/√(t(1−t)): t is kept in [T_CLIP, 1 − T_CLIP] (docs/math.md#interpolants-σ). */
export const T_CLIP = 1e-4;

/** t as the interpolant sees it: clipped for the bridge, unchanged otherwise. */
export function interpolantTime(kind: InterpolantKind, t: number): number {
  return kind === 'bridge' ? Math.min(1 - T_CLIP, Math.max(T_CLIP, t)) : t;
}

export interface InterpolantSample {
  xt: number;
  yt: number;
  ux: number;
  uy: number;
}

/** x_t and u_t for one pair, time t (already clipped) and noise ε = (ex, ey). */
export function interpolate(
  kind: InterpolantKind, sigma: number, t: number,
  x0: number, y0: number, x1: number, y1: number, ex: number, ey: number,
): InterpolantSample {
  const dx = x1 - x0, dy = y1 - y0;
  let noise = 0, drift = 0;
  if (kind === 'constant') {
    noise = sigma;
  } else if (kind === 'bridge') {
    const s = Math.sqrt(t * (1 - t));
    noise = sigma * s;
    drift = sigma * (1 - 2 * t) / (2 * s);
  }
  return {
    xt: (1 - t) * x0 + t * x1 + noise * ex,
    yt: (1 - t) * y0 + t * y1 + noise * ey,
    ux: dx + drift * ex,
    uy: dy + drift * ey,
  };
}
