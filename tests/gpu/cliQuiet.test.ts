// `flowvar run --engine gpu` on Dawn says nothing on stderr but its result (and, on a software
// adapter, the one-line hint): no "XDG_RUNTIME_DIR is invalid or not set" from Dawn's
// window-system probe when the variable is unset.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('flowvar run --engine gpu', () => {
  it('trains a tiny run with XDG_RUNTIME_DIR unset and writes nothing to stderr but a software GPU\'s hint', () => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>) };
    delete env.XDG_RUNTIME_DIR;
    const r = spawnSync(process.execPath, ['bin/flowvar.mjs', 'run', 'pairs=8&width=16&depth=1&batch=16&particles=16&odeSteps=4', '--steps', '2', '--engine', 'gpu'],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
    const software = /\(WebGPU, software GPU\)$/m.test(r.stdout);
    expect(r.stderr).toBe(software ? '# hint: this is a software GPU (no hardware adapter): --engine cpu is faster here\n' : '');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# device: .*\(WebGPU(, software GPU)?\)$/m);
    expect(r.stdout).toMatch(/^# 8 pairs$/m);
  });
});
