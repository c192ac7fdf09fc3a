// One panel as a self-contained SVG document: its title, the plot (canvas layers as embedded PNG
// images under the panel's SVG with computed styles copied as attributes), the legend, and a configuration
// stamp (the share link's query), so a saved figure says what it shows and how to reproduce it.
import { VERSION_LABEL } from '../format/version';
import { t } from '../i18n/i18n';

const TITLE_H = 30;
const LEGEND_ROW = 20;
const STAMP_LINE = 14;
const STAMP_CHAR = 6.1; // width of one 10 px monospace character, for wrapping the stamp
const STYLED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill-opacity', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The panel's SVG with each element's computed presentation copied into a style attribute. */
function inlinedSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none') { dst[i].remove(); return; }
    // presentation attributes, not a style attribute: the page's CSP refuses style text
    for (const p of STYLED) dst[i].setAttribute(p, cs.getPropertyValue(p));
    dst[i].removeAttribute('class');
  });
  return clone.innerHTML;
}

/** Legend entries of the panel's footer: text and colour of each `.legend .key`. */
function legendItems(panel: HTMLElement): { text: string; color: string }[] {
  return Array.from(panel.querySelectorAll<HTMLElement>('.legend .key')).map((el) => ({
    text: (el.textContent ?? '').trim(),
    color: getComputedStyle(el).color,
  })).filter((item) => item.text !== '');
}

/** Splits `text` into lines of at most `chars` characters (a long stamp wraps, nothing is cut). */
export function wrapStamp(text: string, chars: number): string[] {
  const n = Math.max(10, Math.floor(chars));
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += n) lines.push(text.slice(i, i + n));
  return lines.length ? lines : [''];
}

export interface ComposedFigure {
  svg: string;
  width: number;
  height: number;
}

/** The figure of `panel` titled `title`, stamped with `stamp`; null when it has no plot. */
export function composePanel(panel: HTMLElement, title: string, stamp: string): ComposedFigure | null {
  const plot = panel.querySelector<HTMLElement>('.plot');
  if (!plot) return null;
  const { width: w, height: plotH } = plot.getBoundingClientRect();
  const width = Math.max(320, Math.round(w));
  const style = getComputedStyle(panel);
  const ink = style.color, bg = style.backgroundColor || '#ffffff', font = style.fontFamily;
  const legend = legendItems(panel);
  // legend rows: items flow left to right, wrapping at the figure width
  const placed: { x: number; y: number; text: string; color: string }[] = [];
  let x = 10, row = 0;
  for (const item of legend) {
    const itemW = 7.2 * item.text.length + 18;
    if (x + itemW > width - 10 && x > 10) { x = 10; row++; }
    placed.push({ x, y: row, ...item });
    x += itemW;
  }
  const legendH = legend.length ? (row + 1) * LEGEND_ROW + 6 : 0;
  const stampLines = wrapStamp(stamp, (width - 20) / STAMP_CHAR);
  const plotTop = TITLE_H, legendTop = plotTop + plotH, stampTop = legendTop + legendH;
  const height = Math.round(stampTop + stampLines.length * STAMP_LINE + 8);
  const images = Array.from(plot.querySelectorAll('canvas')).filter((c) => c.width > 0 && c.height > 0)
    .map((c) => `<image x="0" y="${plotTop}" width="${w}" height="${plotH}" preserveAspectRatio="none" href="${c.toDataURL('image/png')}"/>`);
  const svg = plot.querySelector('svg');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(font)}">`,
    `<title>${esc(title)}</title>`,
    `<desc data-stamp="${esc(stamp)}" data-version="${esc(VERSION_LABEL)}">${esc(t('panels:export.desc', { version: VERSION_LABEL, stamp }))}</desc>`,
    `<rect width="100%" height="100%" fill="${bg}"/>`,
    `<text x="10" y="21" font-size="16" font-weight="600" fill="${ink}">${esc(title)}</text>`,
    ...images,
    svg ? `<g transform="translate(0,${plotTop})">${inlinedSvg(svg)}</g>` : '',
    `<g class="legend" font-size="12">`,
    ...placed.map((p) => `<text x="${p.x}" y="${legendTop + p.y * LEGEND_ROW + 16}" fill="${p.color}">${esc(p.text)}</text>`),
    `</g>`,
    `<text class="stamp" font-family="monospace" font-size="10" fill="${ink}">`,
    ...stampLines.map((line, i) => `<tspan x="10" y="${stampTop + (i + 1) * STAMP_LINE}">${esc(line)}</tspan>`),
    `</text>`,
    `</svg>`,
  ];
  return { svg: parts.join(''), width, height };
}
