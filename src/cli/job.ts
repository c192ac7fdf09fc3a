// The frame of every command that trains (run, sweep, reflow, grid): opens the output and the
// engine, prints the pasteable header and the device line (with a hint on a software GPU), makes
// the row writers, and closes it all. The commands only train and fill rows.
import { commandLine, commentLine, type EngineName, type Io } from './common';
import { openEngine, SOFTWARE_GPU_HINT, type Engine } from './engine';
import { openOutput, RowWriter, type Output, type RowSource } from './rows';

/** The output and engine flags every training command shares (COMMON_FLAGS). */
export interface JobFlags {
  json?: boolean;
  csv?: boolean;
  out?: string;
  engine: EngineName;
  /** corrections the link needed (the `corrections` key) */
  corrections: number;
  /** --out appends (a resumed sweep): no second CSV header */
  append?: boolean;
}

export interface Job {
  io: Io;
  output: Output;
  engine: Engine;
  /** engine, device and corrections: the part of every row's identity the job knows */
  source: RowSource;
  /** a `# …` line: stdout in table mode, else stderr */
  comment(line: string): void;
  /** a writer for rows with `keys`; the table shows `tableKeys` */
  writer(keys: readonly string[], tableKeys?: readonly string[]): RowWriter;
  close(): void;
}

/**
 * Opens the output and the engine and prints `# flowvar <name> '<link>' <flags>` (the command that
 * reproduces the rows) and `# device: …`.
 */
export async function openJob(name: string, link: string, headerFlags: readonly (string | number)[], flags: JobFlags, io: Io): Promise<Job> {
  const output = openOutput(flags, io.out, flags.append === true);
  let engine: Engine;
  try {
    engine = await openEngine(flags.engine);
  } catch (e) {
    output.sink.close();
    throw e;
  }
  const comment = (line: string) => commentLine(io, output.commentsToStderr, line);
  comment(`# ${commandLine(name, link, headerFlags)}`);
  comment(`# device: ${engine.device}`);
  if (engine.gpu?.software) io.err(`# hint: ${SOFTWARE_GPU_HINT}`);
  return {
    io, output, engine, comment,
    source: { engine: engine.kind, device: engine.device, corrections: flags.corrections },
    writer: (keys, tableKeys) => new RowWriter(keys, output.format, output.sink, tableKeys, output.appending),
    close: () => { engine.close(); output.sink.close(); },
  };
}
