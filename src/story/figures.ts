// The figures a chapter's text quotes, as measured by `npm run story:measure` (figures.json), and
// the filling of `{chapter.figure}` placeholders. Each figure carries its kind, so it is written
// the same way everywhere: a percentage, chance as 1/N, a count, or two significant digits, in the
// reader's locale (docs/i18n.md#numbers: 95 %, 0,36 in German). The texts are in the catalogues
// (story:chapters.<id>.text); every language quotes the same placeholders.
import { formatCount, formatMetric, formatPercent } from '../format/format';
import measured from './figures.json';

export type FigureKind = 'percent' | 'chance' | 'count' | 'number';

export interface Figure {
  kind: FigureKind;
  value: number;
}

export interface FiguresFile {
  /** the engine that trained every run (always the CPU engine: what pages without a GPU use) */
  engine: 'cpu';
  device: string;
  measuredAt: string;
  /** wall-clock seconds of the whole measurement */
  seconds: number;
  /** per figure-run prefix: the config link it trained, and its steps */
  runs: Record<string, { link: string; steps: number; seconds: number }>;
  figures: Record<string, Figure>;
}

export const FIGURES: FiguresFile = measured as FiguresFile;

/** A figure as the text shows it. */
export function formatFigure(f: Figure): string {
  switch (f.kind) {
    case 'percent': return formatPercent(f.value);
    case 'chance': return `1/${formatCount(f.value)}`;
    case 'count': return formatCount(f.value);
    case 'number': return formatMetric(f.value, 2);
    default: {
      const unknown: never = f.kind;
      return String(unknown);
    }
  }
}

const PLACEHOLDER = /\{([a-z0-9]+(?:\.[a-zA-Z0-9]+)+)\}/g;

/** The placeholder keys of a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The text with every `{key}` replaced by its measured figure ("—" if the file lacks it). */
export function fillFigures(text: string, figures: FiguresFile = FIGURES): string {
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const f = figures.figures[key];
    return f ? formatFigure(f) : '—';
  });
}
