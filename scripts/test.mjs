#!/usr/bin/env node
// npm test: the type check, then the Vitest projects of vite.config.ts one after another
// (unit; gpu and e2e one file at a time), and a last line "N passed, N failed" over all of them.
// Exit code 0 only when everything passed. The e2e files that mostly wait (the soak's 2 minutes on
// the clock; service workers, iframes, compare runs in lockstep) run one at a time in a second
// Vitest beside the others, on their build; their output follows.
//   node scripts/test.mjs            everything
//   node scripts/test.mjs unit e2e   only these steps (typecheck, unit, gpu, e2e)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const env = { ...process.env };
// Dawn (tests/gpu) on a machine without a GPU: the Vulkan loader needs SwiftShader's ICD
if (!env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;

/**
 * The e2e files that wait more than they compute, measured: a CI run under heavy load (unit 4.7×
 * slower) took them 1.06× (update), 1.1× (classroom), 1.23× (errors) and 1.4× (compare) as long as
 * an unloaded one, the others 1.46× (storyPanels) to 3×; the soak runs 2 minutes whatever.
 * storyPanels stays with the others: its panels must draw within 10 s of each chapter opening.
 */
const E2E_WAITING = ['soak', 'update', 'errors', 'compare', 'classroom'].map((f) => `tests/e2e/${f}.test.ts`);

const STEPS = [
  { name: 'typecheck', kind: 'command', cmd: join(BIN, 'tsc'), args: ['--noEmit', '-p', '.'] },
  { name: 'unit', kind: 'vitest', args: [] },
  { name: 'gpu', kind: 'vitest', args: ['--no-file-parallelism'] },
  { name: 'e2e', kind: 'vitest', args: ['--no-file-parallelism'], beside: E2E_WAITING },
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

/** One `vitest run` of a project; resolves with its counts once it exits. `output` collects what it prints instead of passing it through. */
function vitest(project, args, report, env, output = null) {
  return new Promise((resolve) => {
    const child = spawn(join(BIN, 'vitest'), [
      'run', '--project', project, '--passWithNoTests', ...args,
      '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ], { cwd: ROOT, env, stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (output) for (const s of [child.stdout, child.stderr]) s.on('data', (d) => output.push(d));
    child.on('close', (code) => {
      const counts = existsSync(report) ? countReport(report) : { passed: 0, failed: 0, skipped: 0 };
      // Vitest failed without a failing test (a crash, an unhandled error, a failed globalSetup): count it
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      resolve({ ...counts, status: code ?? 1 });
    });
  });
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
  } else if (!step.beside) {
    result = await vitest(step.name, step.args, join(scratch, `${step.name}.json`), env);
  } else {
    // the files beside wait for the main run's build (tests/e2e/harness.ts), then run alongside it
    const marker = join(scratch, `${step.name}-build.json`);
    const output = [];
    const beside = vitest(step.name, [...step.args, ...step.beside], join(scratch, `${step.name}-beside.json`), { ...env, FLOWVAR_E2E_AWAIT_BUILD: marker }, output);
    const main = await vitest(step.name, [...step.args, ...step.beside.flatMap((f) => ['--exclude', f])], join(scratch, `${step.name}.json`), { ...env, FLOWVAR_E2E_BUILD_MARKER: marker });
    if (!existsSync(marker)) writeFileSync(marker, JSON.stringify({ buildError: `the ${step.name} run ended before its build` }));
    const other = await beside;
    console.log(`\n=== ${step.name}, run beside the files above: ${step.beside.join(', ')} ===`);
    process.stdout.write(Buffer.concat(output));
    result = { passed: main.passed + other.passed, failed: main.failed + other.failed, skipped: main.skipped + other.skipped, status: main.status || other.status };
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
