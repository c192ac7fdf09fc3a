// `flowvar sweep --resume DIR`: the sweep's state on disk, so an interrupted sweep continues where
// it stopped (docs/cli.md#flowvar-sweep). DIR holds one weights file per model (the page's format,
// src/link/weightsFile.ts: θ, Adam's moments, step) and sweep.json: the command it belongs to and
// the last records of each model (for the tail means and the last batch's loss). Written at every
// evaluation and on SIGINT; sweep.json last, through a rename, so a crash never leaves half a state.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../engine/runConfig';
import type { StepRecord, Trainer } from '../engine/trainer';
import { encodeConfig } from '../link/url';
import { decodeWeightsFile, encodeWeightsFile } from '../link/weightsFile';
import { english } from '../i18n/message';
import { CliFailure, UsageError } from './common';

const STATE_FORMAT = 'flowvar-sweep-state';
const STATE_VERSION = 1;

interface StateFile {
  format: string;
  version: number;
  /** the command line that started the sweep (without output flags): a state belongs to one sweep */
  command: string;
  step: number;
  /** per model: its last records, oldest first (at most the tail window) */
  records: StepRecord[][];
}

const modelFile = (dir: string, i: number) => join(dir, `model-${i}.json`);
const stateFile = (dir: string) => join(dir, 'sweep.json');
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** Whether DIR already holds a sweep's state. */
export function hasSweepState(dir: string): boolean {
  return existsSync(stateFile(dir));
}

/** Saves every model's train state and the sweep's records into DIR (created if needed). */
export async function saveSweepState(dir: string, command: string, trainers: readonly Trainer[], configs: readonly RunConfig[], records: readonly StepRecord[][]): Promise<void> {
  try {
    mkdirSync(dir, { recursive: true });
    let step = 0;
    for (const [i, t] of trainers.entries()) {
      const state = await t.trainState();
      step = state.step;
      writeFileSync(modelFile(dir, i), encodeWeightsFile({ ...state, config: configs[i] }, encodeConfig(configs[i])));
    }
    const file: StateFile = { format: STATE_FORMAT, version: STATE_VERSION, command, step, records: records.map((r) => [...r]) };
    writeFileSync(`${stateFile(dir)}.tmp`, JSON.stringify(file));
    renameSync(`${stateFile(dir)}.tmp`, stateFile(dir));
  } catch (e) {
    throw new CliFailure(`--resume ${dir}: cannot save the sweep's state (${firstLine(e)})`);
  }
}

/**
 * Loads DIR's state into the trainers (same order as saved) and returns the step it reached and
 * each model's last records. A state of another sweep is a UsageError naming both commands.
 */
export function loadSweepState(dir: string, command: string, trainers: readonly Trainer[]): { step: number; records: StepRecord[][] } {
  let file: StateFile;
  try {
    file = JSON.parse(readFileSync(stateFile(dir), 'utf8')) as StateFile;
  } catch (e) {
    throw new CliFailure(`--resume ${dir}: cannot read sweep.json (${firstLine(e)})`);
  }
  if (file.format !== STATE_FORMAT || file.version !== STATE_VERSION) throw new CliFailure(`--resume ${dir}: sweep.json is not a flowvar sweep state (version ${STATE_VERSION})`);
  if (file.command !== command) throw new UsageError(`--resume ${dir} holds the state of another sweep: ${file.command}`);
  for (const [i, t] of trainers.entries()) {
    let text: string;
    try {
      text = readFileSync(modelFile(dir, i), 'utf8');
    } catch (e) {
      throw new CliFailure(`--resume ${dir}: ${firstLine(e)}`);
    }
    const decoded = decodeWeightsFile(text);
    if (!decoded.ok) throw new CliFailure(`--resume ${modelFile(dir, i)}: ${english(decoded.reason)}`);
    t.setWeights(decoded.file);
  }
  return { step: file.step, records: file.records };
}
