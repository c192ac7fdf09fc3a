// `--load-weights FILE` and `--save-weights FILE`: the page's weights file (version 2: θ, Adam's
// moments and the step; codec in src/link/weightsFile.ts), so a run moves between the page and the
// CLI and continues exactly where it stopped.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { RunConfig } from '../engine/runConfig';
import type { Trainer } from '../engine/trainer';
import { mlpShape } from '../engine/world';
import { mlpLayout } from '../math/mlp';
import { encodeConfig } from '../link/url';
import { decodeWeightsFile, encodeWeightsFile, weightsFileSizeProblem, type WeightsFile } from '../link/weightsFile';
import { CliFailure, UsageError, type Io } from './common';
import { english, type Message } from '../i18n/message';

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** Reads a weights file; a missing or foreign file is a CliFailure (exit 1) naming the file and the reason. */
export function readWeights(path: string, io: Io): { file: WeightsFile; corrections: Message[] } {
  let text: string;
  try {
    const tooBig = weightsFileSizeProblem(statSync(path).size);
    if (tooBig) throw new CliFailure(`--load-weights ${path}: ${english(tooBig)}`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw e instanceof CliFailure ? e : new CliFailure(`--load-weights ${path}: ${firstLine(e)}`);
  }
  const decoded = decodeWeightsFile(text);
  if (!decoded.ok) throw new CliFailure(`--load-weights ${path}: ${english(decoded.reason)}`);
  for (const c of decoded.corrections) io.err(`correction: ${path}: ${english(c)}`);
  return decoded;
}

/** The weights must fit the network the link describes (depth, width, fourier features). */
export function checkWeightsFit(file: WeightsFile, config: RunConfig, path: string): void {
  const expected = mlpLayout(mlpShape(config)).paramCount;
  if (file.theta.length !== expected) {
    throw new UsageError(`--load-weights ${path}: the file holds ${file.theta.length} parameters, the link's ${config.depth} × ${config.width} network has ${expected} (give the file's link, or no link)`);
  }
}

/** Writes the trainer's state (θ, moments, step) with its config as a version-2 weights file. */
export async function saveWeights(path: string, trainer: Trainer, config: RunConfig): Promise<void> {
  const state = await trainer.trainState();
  try {
    writeFileSync(path, encodeWeightsFile({ ...state, config }, encodeConfig(config)));
  } catch (e) {
    throw new CliFailure(`--save-weights ${path}: ${firstLine(e)}`);
  }
}
