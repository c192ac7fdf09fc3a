// Flags of `npm run bench` → BenchArgs, read by node:util's parseArgs; the checks of the values
// (sizes, seconds, threads) and their messages are ours. Node only: bin/bench.mjs prints the
// errors, and the bench page builds its plan with benchPlan() (bench/plan.ts).
import { parseArgs as readFlags } from 'node:util';
import { MAX_SLICES } from '../src/engine/wasm/wasmMlp';
import { benchPlan, parseSizes, type BenchArgs } from './plan';

export const USAGE = `usage: npm run bench [-- flags]
  (default)        browser mode: build bench/ with Vite, run it in headless Chromium (WebGPU),
                   GPU engine, CPU engine and TF.js (WebGPU backend) side by side, the
                   WebAssembly CPU engine on 1 and N threads (a Web Worker), then the
                   frame-time probe on the built app (dist/, from \`npm run build\`)
  --node           Node mode: GPU engine on Dawn (the \`webgpu\` package) and CPU engine; no TF.js
  --software       Node mode on a machine without a GPU: use Chromium's SwiftShader Vulkan driver
                   (sets VK_ICD_FILENAMES=${'/usr/lib/chromium/vk_swiftshader_icd.json'})
  --quick          fewer sizes, shorter measurements, fewer particles (for SwiftShader)
  --sizes LIST     batch x width pairs, e.g. --sizes 1024x128,4096x256 (depth is always 3)
  --seconds S      wall time per measurement (default 1.5, quick 0.5)
  --threads N      the WebAssembly N-thread column on N threads, 2…8 (default: the cores, at most 8)
  --json           print the report as JSON on stdout (progress still goes to stderr)
  --no-probe       skip the frame-time probe and the time-to-insight row (browser mode)
  --insight        only the time-to-insight row (browser mode, needs npm run build)
  --help           this text`;

const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  node: { type: 'boolean' },
  quick: { type: 'boolean' },
  json: { type: 'boolean' },
  software: { type: 'boolean' },
  'no-probe': { type: 'boolean' },
  insight: { type: 'boolean' },
  sizes: { type: 'string', multiple: true },
  seconds: { type: 'string' },
  threads: { type: 'string' },
} as const;

/** Parse argv (without node and script); throws Error with a message naming the flag. */
export function parseArgs(argv: readonly string[]): BenchArgs | 'help' {
  let values: ReturnType<typeof readFlags<{ options: typeof FLAGS; allowPositionals: false }>>['values'];
  try {
    ({ values } = readFlags({ args: [...argv], options: FLAGS, allowPositionals: false, strict: true }));
  } catch (e) {
    // node:util words it "Unknown option '--x'. To specify a positional argument …": keep the first sentence
    throw new Error((e instanceof Error ? e.message : String(e)).split('. ')[0]);
  }
  if (values.help) return 'help';
  const mode = values.node ? 'node' : 'browser';
  const sizes = values.sizes ? values.sizes.flatMap(parseSizes) : null;
  if (sizes !== null && sizes.length === 0) throw new Error('--sizes is empty');
  let seconds: number | null = null;
  if (values.seconds !== undefined) {
    seconds = Number(values.seconds);
    if (!(seconds > 0 && seconds <= 60)) throw new Error(`invalid --seconds: ${values.seconds} (0 < S ≤ 60)`);
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 2 || threads > MAX_SLICES) throw new Error(`invalid --threads: ${values.threads} (an integer, 2…${MAX_SLICES})`);
  }
  const software = values.software ?? false;
  const insightOnly = values.insight ?? false;
  if (software && mode !== 'node') throw new Error('--software only applies to --node (the browser always uses SwiftShader here)');
  if (insightOnly && mode !== 'browser') throw new Error('--insight is browser mode only');
  const plan = benchPlan({ mode, quick: values.quick ?? false, sizes, seconds, threads });
  return { mode, software, json: values.json ?? false, probe: !values['no-probe'], insightOnly, plan };
}
