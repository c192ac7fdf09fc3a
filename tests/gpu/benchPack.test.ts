// `npm run bench:pack` (scripts/benchPack.mjs): the folder runs the Node benchmark with nothing but
// bash, tar and gzip on PATH (no node, no npm), unpacking into an empty folder, on SwiftShader.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/types';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const dir = mkdtempSync(join(tmpdir(), 'flowvar-pack-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bench pack', () => {
  it('builds a folder under 60 MiB that prints the bench table and its JSON with no node on PATH (--software --quick)', async () => {
    expect(existsSync(SWIFTSHADER_ICD), 'SwiftShader ICD (Debian chromium)').toBe(true);
    const pack = join(dir, 'pack');
    const built = await run(process.execPath, [join(ROOT, 'scripts/benchPack.mjs'), pack], process.env);
    expect(built.code, built.stderr).toBe(0);
    const bytes = readdirSync(pack).reduce((s, f) => s + statSync(join(pack, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(60 * 1024 * 1024);
    // a PATH with only what run.sh may use: bash, tar, gzip and two coreutils
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['bash', 'tar', 'gzip', 'dirname', 'mkdir', 'ls']) {
      const at = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      symlinkSync(at, join(bin, tool));
    }
    const env = { PATH: bin, HOME: dir, FLOWVAR_BENCH_WORK: join(dir, 'empty') };
    expect((await run(join(bin, 'bash'), ['-c', 'command -v node || echo none'], env)).stdout.trim()).toBe('none');
    // batch 300: past the loop path's 256 (no stepLoop compile, minutes on SwiftShader)
    const r = await run(join(bin, 'bash'), [join(pack, 'run.sh'), '--software', '--quick', '--sizes', '300x16', '--seconds', '0.1'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'empty')).sort()).toEqual(['app', 'engine', 'export', 'lib', 'node']);
    const [table, json] = r.stdout.split('--- json ---');
    expect(table).toMatch(/train steps\/s/);
    expect(table).toMatch(/GPU step paths/);
    const report = JSON.parse(json) as BenchReport;
    expect(report.mode).toBe('node');
    expect(report.adapter?.software).toBe(true);
    const row = report.train[0];
    expect([row.batch, row.width]).toEqual([300, 16]);
    expect(row.gpu.ok && row.gpu.rate > 0, JSON.stringify(row.gpu)).toBe(true);
    const tiled = row.gpuPaths!.find((p) => p.path === 'tiled')!;
    // 4 per step, plus the 2 per-bin dispatches of each step(n) call
    expect(tiled.dispatchesPerStep).toBeGreaterThanOrEqual(4);
    expect(tiled.dispatchesPerStep).toBeLessThanOrEqual(6);
    expect(row.gpuPaths!.find((p) => p.path === 'loop')!.cell).toEqual({ ok: false, reason: 'n/a (size)' });
    // the WebAssembly CPU engine found its files in the pack
    const wasm1 = report.cpuEngines?.[0]?.wasm1;
    expect(wasm1?.ok, JSON.stringify(wasm1)).toBe(true);
    console.info(`bench pack: ${(bytes / 1024 / 1024).toFixed(1)} MiB; ${row.gpu.ok ? row.gpu.rate.toFixed(2) : '-'} GPU steps/s on SwiftShader`);
  }, 900_000);
});
