// Runs the exported PyTorch script in tests: finds a Python that can `import torch` (FLOWVAR_PYTHON,
// else the first of python3, /usr/bin/python3), writes a link's script to a temp folder and runs it.
// Without such a Python the calling test FAILS with the way to get one (never a green skip).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pytorchScript } from '../../src/export/pytorchScript';
import { loadScriptTemplate } from '../../src/node/scriptTemplate';

const CANDIDATES = ['python3', '/usr/bin/python3'];

/**
 * Vitest's limit for a test that starts Python: each start imports torch (~2 s of CPU, over a
 * minute of wall time when the machine's 2 cores are shared by a dozen processes). A limit on
 * waiting, not on what is measured: the tests' numbers do not depend on it.
 */
export const PY_TIMEOUT_MS = 600_000;
let found: string | null | undefined;

/** The Python with torch, or throws saying how to install one. */
export function torchPython(): string {
  if (found === undefined) {
    const env = process.env.FLOWVAR_PYTHON;
    const list = env ? [env] : CANDIDATES;
    found = list.find((py) => spawnSync(py, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0) ?? null;
  }
  if (found === null) {
    throw new Error(`no Python with torch and numpy (tried ${process.env.FLOWVAR_PYTHON ?? CANDIDATES.join(', ')}): `
      + 'apt-get install python3-torch (.ci/run does), or set FLOWVAR_PYTHON to a Python that can import torch');
  }
  return found;
}

export interface PyRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** the JSON rows of stdout */
  rows: Record<string, unknown>[];
  /** the `# step N loss L gradVar V` lines of --log-every */
  steps: { step: number; loss: number; gradVar: number }[];
}

/** A fresh temp folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'flowvar-export-'));
}

/** Writes the script of `link` into `dir` (default: a new temp folder) and returns its path. */
export function writeScript(link: string, dir = tempDir()): string {
  const path = join(dir, 'run.py');
  writeFileSync(path, pytorchScript(loadScriptTemplate(), link).text);
  return path;
}

const STEP_LINE = /^# (?:.* )?step (\d+) loss (\S+) gradVar (\S+)$/;

/** Runs `cmd args` (python or torchrun) with one torch thread unless told, and parses what it printed. */
export function runCommand(cmd: string, args: string[], env: Record<string, string> = {}): PyRun {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', ...env }, maxBuffer: 64 << 20 });
  const stdout = r.stdout ?? '', stderr = r.stderr ?? '';
  // torchrun --tee prefixes each rank's stdout lines with [default<rank>]:
  const rows = stdout.split('\n').map((l) => l.replace(/^\[default\d+\]:/, '')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const steps = stderr.split('\n').flatMap((l) => {
    const m = STEP_LINE.exec(l);
    return m ? [{ step: Number(m[1]), loss: Number(m[2]), gradVar: Number(m[3]) }] : [];
  });
  return { status: r.status, stdout, stderr, rows, steps };
}

/** Runs the script at `path` under the torch Python. */
export function runScript(path: string, args: string[], env: Record<string, string> = {}): PyRun {
  return runCommand(torchPython(), [path, ...args], env);
}

/** Whether torchrun needs the --redirects workaround (read once). */
let oldTorchrun: boolean | undefined;

/**
 * torchrun (python -m torch.distributed.run) of the script on `procs` CPU processes (gloo). Debian's
 * torch 1.13 under Python 3.11 cannot parse torchrun's default --redirects (its Std flag lookup
 * skips 0 there): the script's stdout is then redirected and tee'd back (--redirects 1 --tee 1).
 */
export function runTorchrun(path: string, procs: number, args: string[]): PyRun {
  const py = torchPython();
  oldTorchrun ??= spawnSync(py, ['-c', 'import sys, torch; print(int(sys.version_info >= (3, 11) and torch.__version__ < "2"))'], { encoding: 'utf8' }).stdout.trim() === '1';
  const workaround = oldTorchrun ? ['--redirects', '1', '--tee', '1', '--log_dir', tempDir()] : [];
  return runCommand(py, ['-m', 'torch.distributed.run', '--standalone', `--nproc_per_node=${procs}`, ...workaround, path, ...args]);
}
