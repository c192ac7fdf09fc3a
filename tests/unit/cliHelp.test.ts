// Help texts match the code: each command's --help documents exactly the flags it accepts, and
// what it says the CPU engine is matches the device the command reports when it runs; a GPU start
// that fails prints one line, without the Vulkan loader's and Dawn's native warnings, and a missing
// `webgpu` package says how to install it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { RUN_FLAGS } from '../../src/cli/run';
import { SWEEP_FLAGS } from '../../src/cli/sweep';
import { REFLOW_FLAGS } from '../../src/cli/reflow';
import { GRID_FLAGS } from '../../src/cli/grid';
import type { FlagSpec } from '../../src/cli/common';
import { MISSING_WEBGPU } from '../../src/cli/engine';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = 'pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4';

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/**
 * `node --import` of this registers a resolve hook that looks `webgpu` up from a folder without
 * node_modules, so Node itself fails the import as it does where the optional package is not installed.
 */
const WITHOUT_WEBGPU = (() => {
  const hook = `export async function resolve(specifier, context, next) {
  return next(specifier, specifier === 'webgpu' ? { ...context, parentURL: 'file:///nonexistent/flowvar.mjs' } : context);
}`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  return `data:text/javascript,${encodeURIComponent(register)}`;
})();

const COMMANDS: [string, FlagSpec, string[]][] = [
  ['run', RUN_FLAGS, ['--steps', '2']],
  ['sweep', SWEEP_FLAGS, ['--steps', '2', '--sigmas', '0']],
  ['reflow', REFLOW_FLAGS, ['--steps', '2', '--rounds', '0']],
  ['grid', GRID_FLAGS, ['--steps', '2', '--vary', 'sigma=0']],
];

describe('flowvar --help', () => {
  for (const [command, flags, quick] of COMMANDS) {
    it(`${command} --help documents exactly the flags ${command} accepts, and names the engine its rows report`, async () => {
      const help = await capture([command, '--help']);
      expect(help.code).toBe(0);
      const text = help.out.join('\n');
      const documented = [...new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]))].filter((f) => f !== 'help').sort();
      expect(documented).toEqual(Object.keys(flags).sort());
      // what the help says the CPU engine is, the device key says too (it once said "JavaScript" while WebAssembly ran)
      expect(text).toMatch(/cpu \(default\)[^\n]*WebAssembly SIMD/);
      expect(text).not.toMatch(/JavaScript/);
      const run = await capture([command, TINY, ...quick, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out[0]).device).toMatch(/^CPU \(WebAssembly SIMD/);
      expect(text).toContain('gpu');
      expect(text).toContain('Dawn');
    });
  }

  it('flowvar --help lists every command of the dispatcher', async () => {
    const { code, out } = await capture(['--help']);
    expect(code).toBe(0);
    for (const c of ['run', 'sweep', 'grid', 'reflow', 'export', 'fields', '--version']) expect(out.join('\n')).toContain(`flowvar ${c}`);
  });

  it('--engine gpu without a Vulkan driver prints one line and exits 1: no XDG_RUNTIME_DIR error, no native frames', () => {
    const env: Record<string, string> = { ...process.env as Record<string, string>, VK_ICD_FILENAMES: '/nonexistent/icd.json' };
    delete env.XDG_RUNTIME_DIR;
    const r = spawnSync(process.execPath, ['bin/flowvar.mjs', 'run', 'pairs=8&width=16&depth=1', '--steps', '1', '--engine', 'gpu'], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^flowvar run: --engine gpu: no WebGPU adapter \(vkCreateInstance: Found no drivers!\); without a GPU: apt-get install libvulkan1/);
  });

  it('--engine gpu without the webgpu package names the fix (npm install webgpu, or --engine cpu) in one line and exits 1', () => {
    const r = spawnSync(process.execPath, ['--import', WITHOUT_WEBGPU, 'bin/flowvar.mjs', 'sweep', TINY, '--steps', '1', '--engine', 'gpu'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`flowvar sweep: ${MISSING_WEBGPU}\n`);
    expect(MISSING_WEBGPU).toContain('`npm install webgpu`');
    expect(MISSING_WEBGPU).toContain('--engine cpu, which works without it');
    // the hook hides only webgpu: the CPU engine runs under it
    const cpu = spawnSync(process.execPath, ['--import', WITHOUT_WEBGPU, 'bin/flowvar.mjs', 'run', TINY, '--steps', '1', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(cpu.status, cpu.stderr).toBe(0);
  });
});
