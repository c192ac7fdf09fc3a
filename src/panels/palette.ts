// Colours of the dense marks, read from the CSS custom properties of the current theme, so the
// canvas follows the lecture / projector theme like the SVG axes (which draw in currentColor).

export interface Palette {
  source: string;
  target: string;
  lines: string;
  tube: string;
  xt: string;
  trainPaths: string;
  freshPaths: string;
  quiver: string;
  partners: string;
  gradVar: string;
  loss: string;
  bars: string;
  ink: string;
  /** line width multiplier (the projector theme draws thicker) */
  weight: number;
}

const NAMES: (keyof Omit<Palette, 'weight'>)[] = ['source', 'target', 'lines', 'tube', 'xt', 'trainPaths', 'freshPaths', 'quiver', 'partners', 'gradVar', 'loss', 'bars', 'ink'];

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const out = { weight: Number(style.getPropertyValue('--mark-weight')) || 1 } as Palette;
  for (const name of NAMES) out[name] = style.getPropertyValue(`--c-${name}`).trim() || '#888';
  return out;
}
