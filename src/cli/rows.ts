// The rows every `flowvar` command prints: the row contract's keys (docs/cli.md#keys), the run
// identity that ends each row, and the three output formats (table, JSON Lines, CSV) written to
// stdout or a file. The key names and their order are a public interface: append, never rename.
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EvalMetrics, StepRecord } from '../engine/trainer';
import type { RunConfig } from '../engine/runConfig';
import { encodeConfig } from '../link/url';
import { CliFailure, UsageError } from './common';

/** The figures of one evaluation, in column order (the first 12 keys of every row). */
export const METRIC_KEYS = [
  'step', 'loss', 'gradVar', 'reproduction', 'chance', 'partnerDistance', 'slicedW2', 'gaussianW2',
  'straightness', 'transportCost', 'otCost', 'stepsPerSec',
] as const;

/** Which run a row belongs to: the keys after the metrics, in this order. */
export const IDENTITY_KEYS = ['run', 'seed', 'sigma', 'link', 'engine', 'device', 'version', 'corrections'] as const;

/** The row contract: every row of `flowvar run` (plain and compare), and the start of every other command's row. */
export const ROW_KEYS = [...METRIC_KEYS, ...IDENTITY_KEYS] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
/** One evaluation; null where a figure does not exist (no step taken yet, non-Gaussian target). */
export type MetricRow = Record<MetricKey, number | null>;

export interface RunIdentity {
  /** the run's label within its command (e.g. "sigma=0.05"); null for a plain run */
  run: string | null;
  seed: number;
  sigma: number;
  /** the canonical share-link query of the run's config */
  link: string;
  engine: string;
  device: string;
  version: string;
  corrections: number;
}

export type Row = MetricRow & RunIdentity;
/** A row value: a number, a label, a flag, or null. */
export type Cell = number | string | boolean | null;

/** flowvar's version (package.json), the `version` key of every row. */
export const FLOWVAR_VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * The row of an evaluation: `record` is the last training step (its batch loss and gradient
 * variance trace), `stepsPerSec` the training throughput since the previous row (evaluation excluded).
 */
export function metricRow(metrics: EvalMetrics, record: StepRecord | null, stepsPerSec: number | null): MetricRow {
  return {
    step: metrics.step,
    loss: record ? record.loss : null,
    gradVar: record ? record.gradVar : null,
    reproduction: metrics.reproduction,
    chance: metrics.chance,
    partnerDistance: metrics.partnerDistance,
    slicedW2: metrics.slicedW2,
    gaussianW2: metrics.gaussianW2,
    straightness: metrics.straightness,
    transportCost: metrics.transportCost,
    otCost: metrics.otCost,
    stepsPerSec,
  };
}

/** Where the rows come from: the engine and device, and how many corrections the link needed. */
export interface RowSource {
  engine: string;
  device: string;
  corrections: number;
}

/** The identity keys of the run trained on `config`. */
export function runIdentity(config: RunConfig, run: string | null, source: RowSource): RunIdentity {
  return {
    run, seed: config.seed, sigma: config.sigma, link: encodeConfig(config),
    engine: source.engine, device: source.device, version: FLOWVAR_VERSION, corrections: source.corrections,
  };
}

export type OutputFormat = 'table' | 'json' | 'csv';

/** A number as a table cell: whole numbers as they are, else 4 significant digits (exponent form when tiny or huge); '-' for null. */
export function tableCell(v: Cell): string {
  if (v === null) return '-';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e5)) return String(v);
  return Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toPrecision(4);
}

function csvCell(v: Cell): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A line sink: stdout, or a file written line by line (an interrupted run keeps what it printed). */
export interface LineSink {
  line(text: string): void;
  close(): void;
}

/** `--out FILE`: the rows go to FILE (created, or appended to when `append`), comments to stderr. */
export function fileSink(path: string, append = false): LineSink {
  let fd: number;
  try {
    fd = openSync(path, append ? 'a' : 'w');
  } catch (e) {
    throw new CliFailure(`--out ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  return { line: (text) => { writeSync(fd, `${text}\n`); }, close: () => closeSync(fd) };
}

/**
 * Prints rows with `keys` in one format. The table (for people) shows `tableKeys`, the metrics
 * and the run label; JSON Lines and CSV (for scripts) carry every key. Table and CSV print their
 * header before the first row.
 */
export class RowWriter {
  private headerDone: boolean;

  constructor(
    private readonly keys: readonly string[],
    private readonly format: OutputFormat,
    private readonly sink: LineSink,
    private readonly tableKeys: readonly string[] = keys,
    /** true when the file already holds a header (--resume appends) */
    headerDone = false,
  ) {
    this.headerDone = headerDone;
  }

  private widths(): number[] {
    return this.tableKeys.map((k) => Math.max(11, k.length + 1));
  }

  private header(): string {
    if (this.format === 'csv') return this.keys.join(',');
    const w = this.widths();
    return this.tableKeys.map((k, i) => (k === 'run' ? '  run' : k.padStart(w[i]))).join('');
  }

  write(row: Readonly<Record<string, Cell>>): void {
    if (this.format !== 'json' && !this.headerDone) { this.sink.line(this.header()); this.headerDone = true; }
    if (this.format === 'json') {
      this.sink.line(JSON.stringify(Object.fromEntries(this.keys.map((k) => {
        const v = row[k] ?? null;
        return [k, typeof v === 'number' && !Number.isFinite(v) ? null : v];
      }))));
    } else if (this.format === 'csv') {
      this.sink.line(this.keys.map((k) => csvCell(row[k] ?? null)).join(','));
    } else {
      const w = this.widths();
      this.sink.line(this.tableKeys.map((k, i) => (k === 'run' ? `  ${tableCell(row[k] ?? null)}` : tableCell(row[k] ?? null).padStart(w[i]))).join(''));
    }
  }
}

/** The output flags of a command: --json, --csv (not both), --out FILE. */
export interface Output {
  format: OutputFormat;
  sink: LineSink;
  /** comments (`# …`) go to stderr: stdout holds data, or the rows go to a file */
  commentsToStderr: boolean;
  /** rows are appended to a file that already has some (its CSV header included) */
  appending: boolean;
}

/** --json and --csv exclude each other. */
export function outputFlags(values: Record<string, unknown>): { json: boolean; csv: boolean; out?: string } {
  if (values.json === true && values.csv === true) throw new UsageError('give --json or --csv, not both');
  return { json: values.json === true, csv: values.csv === true, out: values.out as string | undefined };
}

/** Opens the output the flags ask for; `out` is the line writer of stdout. */
export function openOutput(flags: { json?: boolean; csv?: boolean; out?: string }, out: (line: string) => void, append = false): Output {
  const format: OutputFormat = flags.csv ? 'csv' : flags.json ? 'json' : 'table';
  const appending = append && flags.out !== undefined && existsSync(flags.out) && statSync(flags.out).size > 0;
  const sink = flags.out !== undefined ? fileSink(flags.out, append) : { line: out, close: () => {} };
  return { format, sink, commentsToStderr: format !== 'table' || flags.out !== undefined, appending };
}
