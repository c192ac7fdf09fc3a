#!/usr/bin/env node
// npm test: the type check, then the Vitest projects of vite.config.ts one after another
// (unit; gpu and e2e one file at a time), and a last line "N passed, N failed" over all of them.
// Exit code 0 only when everything passed.
//   node scripts/test.mjs            everything
//   node scripts/test.mjs unit e2e   only these steps (typecheck, unit, gpu, e2e)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const env = { ...process.env };
// Dawn (tests/gpu) on a machine without a GPU: the Vulkan loader needs SwiftShader's ICD
if (!env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;

const STEPS = [
  { name: 'typecheck', kind: 'command', cmd: join(BIN, 'tsc'), args: ['--noEmit', '-p', '.'] },
  { name: 'unit', kind: 'vitest', args: [] },
  { name: 'gpu', kind: 'vitest', args: ['--no-file-parallelism'] },
  { name: 'e2e', kind: 'vitest', args: ['--no-file-parallelism'] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const steps = wanted.length ? STEPS.filter((s) => wanted.includes(s.name)) : STEPS;

/** Passed and failed counts of a Vitest JSON report; a file that failed before any test counts once. */
function countReport(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let failed = report.numFailedTests ?? 0;
  for (const r of report.testResults ?? []) if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) failed++;
  return { passed: report.numPassedTests ?? 0, failed, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

const scratch = mkdtempSync(join(tmpdir(), 'flowvar-test-'));
const summary = [];
const started = Date.now();
for (const step of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${step.name} ===`);
  let result;
  if (step.kind === 'command') {
    const r = spawnSync(step.cmd, step.args, { cwd: ROOT, env, stdio: 'inherit' });
    result = { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0, status: r.status ?? 1 };
  } else {
    const report = join(scratch, `${step.name}.json`);
    const r = spawnSync(join(BIN, 'vitest'), [
      'run', '--project', step.name, '--passWithNoTests', ...step.args,
      '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ], { cwd: ROOT, env, stdio: 'inherit' });
    const counts = existsSync(report) ? countReport(report) : { passed: 0, failed: 0, skipped: 0 };
    // Vitest failed without a failing test (a crash, an unhandled error, a failed globalSetup): count it
    if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
    result = { ...counts, status: r.status ?? 1 };
  }
  summary.push({ name: step.name, ...result, seconds: (Date.now() - t0) / 1000 });
}
rmSync(scratch, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const s of summary) {
  const skipped = s.skipped ? `, ${s.skipped} skipped` : '';
  console.log(`${s.name.padEnd(10)} ${String(s.passed).padStart(4)} passed, ${s.failed} failed${skipped}  (${s.seconds.toFixed(1)} s)`);
}
const passed = summary.reduce((a, s) => a + s.passed, 0);
const failed = summary.reduce((a, s) => a + s.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || summary.some((s) => s.status !== 0) ? 1 : 0);
