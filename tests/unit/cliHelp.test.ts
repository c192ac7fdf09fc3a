// Help texts match the code: each subcommand's --help names the trainers its
// --engine values really construct (read from the sources), and a GPU start that fails prints one
// line, without the Vulkan loader's and Dawn's native warnings.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const source = (file: string) => readFileSync(`${ROOT}/src/cli/${file}`, 'utf8');

async function help(command: string): Promise<string> {
  const out: string[] = [];
  expect(await main([command, '--help'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
  return out.join('\n');
}

/** The trainer classes a file constructs: `new X(` or `X.create(` of an engine class. */
function constructed(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(?:new\s+(\w*(?:Trainer|Engine))\(|(\w*(?:Trainer|Engine))\.create\()/g)].map((m) => m[1] ?? m[2]))].sort();
}

describe('flowvar --help', () => {
  it('run, sweep and reflow --help name the trainers their engines construct, and nothing they do not', async () => {
    const viaCreateEngine = constructed(source('engine.ts'));
    expect(viaCreateEngine).toEqual(['CpuTrainer', 'GpuTrainer']);
    // sweep builds its GPU engine itself; its CPU path and run/reflow go through createEngine
    const uses: Record<string, string[]> = {
      run: viaCreateEngine,
      reflow: viaCreateEngine,
      sweep: [...new Set([...constructed(source('sweep.ts')).filter((c) => c !== 'SweepRunner'), 'CpuTrainer'])].sort(),
    };
    expect(uses.sweep).toEqual(['CpuTrainer', 'GpuSweepEngine']);
    expect(source('sweep.ts')).toContain('createEngine(engine');
    expect(source('reflow.ts')).toContain('createEngine(engine');
    const all = ['CpuTrainer', 'GpuTrainer', 'GpuSweepEngine'];
    for (const [command, trainers] of Object.entries(uses)) {
      const text = await help(command);
      expect(text, command).toContain('--engine cpu|gpu');
      for (const t of all) expect(text.includes(t), `${command} --help mentions ${t}`).toBe(trainers.includes(t));
    }
    expect(await help('sweep')).toContain('one batched GPU run');
  });

  it('--engine gpu without a Vulkan driver prints one line and exits 1: no XDG_RUNTIME_DIR error, no native frames', () => {
    const env: Record<string, string> = { ...process.env as Record<string, string>, VK_ICD_FILENAMES: '/nonexistent/icd.json' };
    delete env.XDG_RUNTIME_DIR;
    const r = spawnSync(process.execPath, ['bin/flowvar.mjs', 'run', 'pairs=8&width=16&depth=1', '--steps', '1', '--engine', 'gpu'], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^flowvar: --engine gpu: no WebGPU adapter \(vkCreateInstance: Found no drivers!\); without a GPU: apt-get install libvulkan1/);
  });
});
