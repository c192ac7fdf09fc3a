// A results file (JSON Lines from `flowvar run`, `flowvar sweep`, `flowvar grid` or the PyTorch
// export: docs/cli.md#keys) read into an overlay for the page (docs/classroom.md#a-big-run-beside-the-live-one):
// its gradient-variance and loss curves, or its σ rows. Pure: never throws; a malformed or foreign
// file is refused with the line and the reason.
import { message, type Message, type MessageKey, type MessageValue } from '../i18n/message';

/** Largest results file read. */
export const MAX_RESULTS_BYTES = 20 * 1024 * 1024;
/** Most curves an overlay draws (a grid of many cells keeps its first ones, with a note). */
export const MAX_OVERLAY_CURVES = 12;

/** One labelled curve over steps. */
export interface OverlayCurve {
  label: string;
  steps: number[];
  gradVar: (number | null)[];
  loss: (number | null)[];
}

/** One σ of a sweep file: the final figures (the mean over seeds when the file has them) and their std. */
export interface OverlaySigma {
  sigma: number;
  reproduction: number | null;
  slicedW2: number | null;
  reproductionStd: number | null;
  slicedW2Std: number | null;
}

export interface ResultsOverlay {
  name: string;
  /** the first row's link and engine, for the label (null when the rows do not say) */
  link: string | null;
  engine: string | null;
  rows: number;
  /** where it draws: the σ rows of a sweep in the sweep panel, anything else as curves */
  panel: 'gradvar' | 'sweep';
  curves: OverlayCurve[];
  sigmas: OverlaySigma[];
  notes: Message[];
}

export type ResultsRead = { ok: true; overlay: ResultsOverlay } | { ok: false; reason: Message };

type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const NUMERIC_KEYS = ['step', 'loss', 'gradVar', 'reproduction', 'slicedW2', 'sigma'] as const;
const SUMMARY = new Set(['mean', 'std']);

/** The label of a row's run: its `run`, or for a summary row its cell or σ with `mean`/`std`. */
function labelOf(row: Row): string {
  const run = typeof row.run === 'string' ? row.run : null;
  if (run && SUMMARY.has(run)) return `${typeof row.cell === 'string' ? row.cell : `sigma=${String(row.sigma)}`} ${run}`;
  return run ?? 'run';
}

/** Reads a results file's text. */
export function readResultsText(name: string, text: string): ResultsRead {
  const refuse = (key: MessageKey, values?: Record<string, MessageValue>): ResultsRead => ({ ok: false, reason: message(key, values) });
  if (text.length > MAX_RESULTS_BYTES) return refuse('results.tooLarge', { size: { fixed: text.length / 1024 / 1024, decimals: 1 }, max: MAX_RESULTS_BYTES / 1024 / 1024 });
  const rows: Row[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      return refuse('results.notJson', { line: i + 1, detail: (e as Error).message });
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return refuse('results.notObject', { line: i + 1 });
    const r = row as Row;
    const missing = ['step', 'loss', 'gradVar'].filter((k) => !(k in r));
    if (missing.length) return refuse('results.notRow', { line: i + 1, missing: missing.join(', ') });
    for (const k of NUMERIC_KEYS) {
      if (k in r && r[k] !== null && typeof r[k] !== 'number') return refuse('results.notNumber', { line: i + 1, key: k, value: JSON.stringify(r[k]).slice(0, 30) });
    }
    if (!(typeof r.step === 'number' && Number.isInteger(r.step) && r.step >= 0)) return refuse('results.notStep', { line: i + 1, step: String(r.step) });
    rows.push(r);
  }
  if (rows.length === 0) return refuse('results.noRows');
  const first = rows[0];
  const notes: Message[] = [];
  const sigmaSet = new Set(rows.map((r) => num(r.sigma)).filter((s): s is number => s !== null));
  const panel = 'gradVarTail' in first && sigmaSet.size >= 2 ? 'sweep' : 'gradvar';
  const overlay: ResultsOverlay = {
    name, rows: rows.length, panel, notes,
    link: typeof first.link === 'string' ? first.link : null,
    engine: typeof first.engine === 'string' ? first.engine : null,
    curves: curvesOf(rows, notes),
    sigmas: panel === 'sweep' ? sigmasOf(rows) : [],
  };
  return { ok: true, overlay };
}

/** One curve per run label (only the `mean` curves when the file has them; never `std`). */
function curvesOf(rows: Row[], notes: Message[]): OverlayCurve[] {
  const byLabel = new Map<string, OverlayCurve>();
  const hasMean = rows.some((r) => r.run === 'mean');
  for (const r of rows) {
    if (r.run === 'std' || (hasMean && r.run !== 'mean')) continue;
    const label = labelOf(r);
    let c = byLabel.get(label);
    if (!c) { c = { label, steps: [], gradVar: [], loss: [] }; byLabel.set(label, c); }
    c.steps.push(r.step as number);
    c.gradVar.push(num(r.gradVar));
    c.loss.push(num(r.loss));
  }
  const all = [...byLabel.values()];
  if (all.length > MAX_OVERLAY_CURVES) notes.push(message('results.firstCurves', { max: MAX_OVERLAY_CURVES, curves: all.length }));
  return all.slice(0, MAX_OVERLAY_CURVES);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sampleStd = (xs: number[]) => (xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1)));

/** Per σ, the rows at its last step: the file's mean/std rows, or the mean and std over its seeds. */
function sigmasOf(rows: Row[]): OverlaySigma[] {
  const bySigma = new Map<number, Row[]>();
  for (const r of rows) {
    const s = num(r.sigma);
    if (s === null) continue;
    (bySigma.get(s) ?? bySigma.set(s, []).get(s)!).push(r);
  }
  const out: OverlaySigma[] = [];
  for (const [sigma, group] of [...bySigma].sort((a, b) => a[0] - b[0])) {
    const last = Math.max(...group.map((r) => r.step as number));
    const final = group.filter((r) => r.step === last);
    const m = final.find((r) => r.run === 'mean'), sd = final.find((r) => r.run === 'std');
    const seeds = final.filter((r) => !SUMMARY.has(String(r.run)));
    const stat = (key: 'reproduction' | 'slicedW2', f: (xs: number[]) => number, summary: Row | undefined) => {
      if (summary) return num(summary[key]);
      const xs = seeds.map((r) => num(r[key])).filter((v): v is number => v !== null);
      return xs.length ? f(xs) : null;
    };
    out.push({
      sigma,
      reproduction: stat('reproduction', mean, m), slicedW2: stat('slicedW2', mean, m),
      reproductionStd: stat('reproduction', sampleStd, sd), slicedW2Std: stat('slicedW2', sampleStd, sd),
    });
  }
  return out;
}

/** The overlay's label: file name, engine and link (cut to `max` characters). */
export function overlayLabel(o: ResultsOverlay, say: (m: Message) => string, max = 90): string {
  const text = `${o.name} · ${o.engine ?? say(message('results.noEngine'))} · ${o.link ?? say(message('results.noLink'))}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
