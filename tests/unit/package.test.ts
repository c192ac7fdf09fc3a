// The installable command line: `npm pack` makes a tarball that installs into an empty folder with
// no network and no npm cache (it depends on nothing: scripts/buildCli.mjs bundles the CLI), and
// `npx flowvar run "<link>" --steps 50 --json` then trains from it, with nothing of this checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'flowvar-pack-test-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A published package's tarball stays small: the CLI is a bundle, the page is not in it. */
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;
const LINK = 'coupling=rotated&pairs=64&width=32&batch=128&particles=128';

/** The environment of a fresh machine: an empty npm cache and home, offline, none of this run's npm settings. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const home = join(TMP, 'home');
  mkdirSync(home, { recursive: true });
  return { ...env, HOME: home, npm_config_cache: join(TMP, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

interface PackedFile { path: string; size: number }
interface Packed { filename: string; size: number; unpackedSize: number; files: PackedFile[] }

describe('npm pack → an empty folder → npx flowvar', () => {
  let packed: Packed;

  it(`npm pack writes a tarball under ${MAX_TARBALL_BYTES / 1024 / 1024} MB with the bundled CLI, the shaders, the license and no sources`, () => {
    const out = execFileSync('npm', ['pack', '--pack-destination', TMP, '--json'], { cwd: ROOT, env: isolatedEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    packed = (JSON.parse(out) as Packed[])[0];
    console.log(`flowvar tarball: ${packed.filename}, ${(packed.size / 1024).toFixed(1)} KiB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${packed.files.length} files`);
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'README.md', 'bin/flowvar.mjs', 'dist-cli/node/flowvar.mjs', 'dist-cli/engine/wasm/mlp.wasm', 'shaders/rowPass.wgsl']));
    expect(paths.filter((p) => /^(src|tests|docs|bench|scripts)\//.test(p))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.license).toBe('MIT');
  });

  it('installs offline from the tarball alone and trains a link for 50 steps, printing one JSON row', () => {
    const app = join(TMP, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'try-flowvar', private: true }));
    const env = isolatedEnv();
    const install = spawnSync('npm', ['install', join(TMP, packed.filename), '--omit=optional'], { cwd: app, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const run = spawnSync('npx', ['flowvar', 'run', LINK, '--steps', '50', '--json'], { cwd: app, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const rows = run.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, number>);
    expect(rows.at(-1)?.step).toBe(50);
    expect(Number.isFinite(rows.at(-1)?.loss)).toBe(true);
    expect(rows.at(-1)?.chance).toBe(1 / 64);
  });
});
