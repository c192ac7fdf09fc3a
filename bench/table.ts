// BenchReport → the text table printed in the terminal.
import type { BenchReport, Cell, CpuEngineRow, ExportTimingRow, FrameProbe, InsightRow } from './types';

/** 3 significant-ish digits with k/M/G suffixes: 0.123, 12.3, 1234, 12.3k, 4.56M, 7.89G. */
export function formatRate(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 1e9) return `${(x / 1e9).toFixed(2)}G`;
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** Reasons longer than this go to a numbered footnote; the cell shows "n/a [1]" or "error [2]". */
const INLINE_REASON = 24;

/** Cell texts with long reasons folded into footnotes shared by the whole report. */
class Footnotes {
  readonly list: string[] = [];
  cell(c: Cell): string {
    if (c.ok) return formatRate(c.rate);
    if (c.reason.length <= INLINE_REASON) return c.reason;
    let k = this.list.indexOf(c.reason);
    if (k < 0) k = this.list.push(c.reason) - 1;
    return `${c.reason.startsWith('error') ? 'error' : 'n/a'} [${k + 1}]`;
  }
}

export function ratioText(a: Cell, b: Cell): string {
  return a.ok && b.ok && b.rate > 0 ? `${(a.rate / b.rate).toFixed(2)}x` : '-';
}

/** Right-aligned columns, widths from the content. */
export function renderColumns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('   ');
  const rule = widths.map((w) => '-'.repeat(w)).join('   ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function probeText(p: FrameProbe | undefined): string | null {
  if (!p) return null;
  if (!p.ok) return `frame probe: ${p.reason}`;
  const ms = (x: number): string => `${x.toFixed(1)} ms`;
  return `frame probe (${p.note}): p50 ${ms(p.p50)}, p90 ${ms(p.p90)}, p99 ${ms(p.p99)}, max ${ms(p.max)} ` +
    `(${p.frames} frames in ${p.seconds.toFixed(1)} s)\n  ${p.url}`;
}

function lossWarnings(r: BenchReport): string[] {
  const out: string[] = [];
  for (const row of r.train) {
    for (const [name, c] of [['GPU', row.gpu], ['CPU', row.cpu], ['TF.js', row.tfjs]] as const) {
      if (!c.ok) continue;
      const bad = [c.lossFirst, c.lossLast].some((l) => l !== undefined && !Number.isFinite(l));
      if (bad) out.push(`warning: ${name} loss is not finite at batch ${row.batch} width ${row.width}`);
    }
  }
  return out;
}

/** The time-to-insight row (bench/timeToInsight.ts): seconds from navigation per engine. */
function insightText(rows: InsightRow[] | undefined): string | null {
  if (!rows || rows.length === 0) return null;
  const sec = (x: number | null): string => (x === null ? 'not reached' : `${x.toFixed(1)} s`);
  return [
    'Time to insight, seconds from navigation (built app; (a) rotated chapter reproduction >= 90 %, (b) σ chapter gradient variance >= 10x σ = 0 at the same step)',
    renderColumns(['engine', 'device', '(a) reproduction', '(b) variance', 'note'],
      rows.map((row) => [row.engine, row.device, sec(row.reproductionSeconds), sec(row.varianceSeconds), row.note])),
  ].join('\n');
}

/** The exported PyTorch script against flowvar run on the same link, batch and threads. */
function exportTimingText(row: ExportTimingRow, cellText: (c: Cell) => string): string {
  return [
    `Exported PyTorch script vs flowvar run --engine cpu, train steps/s (same link, batch ${row.batch}, width ${row.width}, depth ${row.depth}, ${row.threads} thread${row.threads > 1 ? 's' : ''}; both with the exact per-sample gradient variance)`,
    renderColumns(['flowvar run (WASM)', `run.py (${row.device ?? 'PyTorch'})`, 'script/flowvar'],
      [[cellText(row.flowvar), cellText(row.script), ratioText(row.script, row.flowvar)]]),
    `link: ${row.link}`,
  ].join('\n');
}

/** The CPU engines table: JavaScript and WebAssembly on 1 and N threads; PyTorch in Node mode. */
function cpuEnginesText(mode: BenchReport['mode'], rows: CpuEngineRow[], cellText: (c: Cell) => string): string {
  const n = rows[0].threads;
  const base = (row: CpuEngineRow): string[] => [String(row.batch), String(row.width), cellText(row.js), cellText(row.wasm1), cellText(row.wasmThreads)];
  const head = ['batch', 'width', 'JavaScript', 'WASM 1 thread', `WASM ${n} threads`];
  const scaling = (row: CpuEngineRow): string => ratioText(row.wasmThreads, row.wasm1);
  if (mode === 'browser') {
    return ['CPU engines in the page, train steps/s (same run; WebAssembly: the app\'s CPU engine, in a Web Worker; JavaScript: the reference)',
      renderColumns([...head, `WASM ${n}t/1t`], rows.map((row) => [...base(row), scaling(row)]))].join('\n');
  }
  const torch = rows.find((row) => row.torchVersion)?.torchVersion;
  const torchCell = (row: CpuEngineRow): Cell => row.torch ?? { ok: false, reason: 'n/a' };
  return [`CPU engines, train steps/s (same run; PyTorch ${torch ?? 'absent'}, torch.set_num_threads(1), no per-sample variance)`,
    renderColumns([...head, 'PyTorch 1 thread', 'WASM 1t/PyTorch', `WASM ${n}t/PyTorch`, `WASM ${n}t/1t`],
      rows.map((row) => [...base(row), cellText(torchCell(row)), ratioText(row.wasm1, torchCell(row)), ratioText(row.wasmThreads, torchCell(row)), scaling(row)]))].join('\n');
}

export function renderReport(r: BenchReport): string {
  if (r.train.length === 0 && r.integrate.length === 0 && r.insight) return insightText(r.insight) ?? '';
  const out: string[] = [];
  const adapter = r.adapter ? r.adapter.name : 'none';
  out.push(`flowvar bench: ${r.mode} mode, ${r.runtime}`);
  out.push(`adapter: ${adapter}`);
  if (r.adapter?.software) out.push('software adapter: report the ratio only');
  out.push(`model: MLP (x, y, t) -> 2, SiLU, depth ${r.plan.depth}; Adam lr 2e-3; one step = batch sampling + forward + backward + Adam` +
    ' (the engines also measure loss and gradient variance every step)');
  const notes = new Footnotes();
  const cellText = (c: Cell): string => notes.cell(c);
  out.push('');
  out.push('train steps/s');
  out.push(renderColumns(
    ['batch', 'width', 'GPU steps/s', 'CPU steps/s', 'TF.js steps/s', 'GPU/TF.js', 'GPU/CPU'],
    r.train.map((row) => [String(row.batch), String(row.width), cellText(row.gpu), cellText(row.cpu), cellText(row.tfjs),
      ratioText(row.gpu, row.tfjs), ratioText(row.gpu, row.cpu)]),
  ));
  const paths = r.train.filter((row) => row.gpuPaths);
  if (paths.length > 0) {
    const per = (x: number): string => (Number.isFinite(x) ? (x >= 1 ? x.toFixed(0) : x.toPrecision(2)) : '-');
    const pathCells = (row: (typeof paths)[number], path: string): string[] => {
      const p = row.gpuPaths!.find((q) => q.path === path);
      return p ? [cellText(p.cell), per(p.dispatchesPerStep), per(p.submitsPerStep)] : ['-', '-', '-'];
    };
    out.push('');
    out.push('GPU step paths: steps/s, dispatches and submits per step (tiled: 4 dispatches per step; loop: K steps in one dispatch, batch <= 256, width <= 64)');
    out.push(renderColumns(
      ['batch', 'width', 'tiled steps/s', 'disp/step', 'submits/step', 'loop steps/s', 'disp/step', 'submits/step', 'picked'],
      paths.map((row) => [String(row.batch), String(row.width), ...pathCells(row, 'tiled'), ...pathCells(row, 'loop'), (row.gpuChoice ?? '-').split(' ')[0]]),
    ));
    out.push('(dispatches and submits counted over the timed step(n) calls, with the per-bin dispatches (tiled 2, loop 3) and the submit of each call)');
    for (const row of paths) if (row.gpuChoice && row.gpuChoice.includes(' ')) out.push(`picked at batch ${row.batch} width ${row.width}: ${row.gpuChoice}`);
  }
  if (r.integrate.length > 0) {
    const i0 = r.integrate[0];
    out.push('');
    out.push(`ODE throughput, particles*steps/s (Euler, ${i0.steps} steps; whole integrate() call incl. read-back of the paths)`);
    out.push(renderColumns(
      ['width', `GPU (${i0.gpuParticles} particles)`, `CPU (${i0.cpuParticles} particles)`, 'GPU/CPU'],
      r.integrate.map((row) => [String(row.width), cellText(row.gpu), cellText(row.cpu), ratioText(row.gpu, row.cpu)]),
    ));
  }
  if (r.cpuEngines?.length) out.push('', cpuEnginesText(r.mode, r.cpuEngines, cellText));
  if (r.exportTiming) out.push('', exportTimingText(r.exportTiming, cellText));
  const probe = probeText(r.frameProbe);
  if (probe) out.push('', probe);
  const insight = insightText(r.insight);
  if (insight) out.push('', insight);
  if (notes.list.length > 0) out.push('', ...notes.list.map((n, k) => `[${k + 1}] ${n}`));
  const extra = [...r.notes, ...lossWarnings(r)];
  if (extra.length > 0) out.push('', ...extra.map((n) => `note: ${n}`));
  return out.join('\n');
}
