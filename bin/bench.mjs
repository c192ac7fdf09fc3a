#!/usr/bin/env node
// `npm run bench [-- flags]`: throughput and frame-time benchmarks (bench/README.md). Runs the
// TypeScript in bench/ through tsx. Not part of `npm test`.
import { register } from 'tsx/esm/api';

const argv = process.argv.slice(2);
// --software (Node mode): Chromium's SwiftShader Vulkan driver. Set before Dawn loads: the Vulkan
// loader reads it when Dawn creates its instance.
if (argv.includes('--software') && !process.env.VK_ICD_FILENAMES) {
  process.env.VK_ICD_FILENAMES = '/usr/lib/chromium/vk_swiftshader_icd.json';
}
register();
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
const { main } = await import('../bench/cli.ts');
const code = await main(argv);
// exit explicitly: a Dawn device or Chromium pipe can keep the event loop alive
process.exit(code);
