// Builds the bench page (bench/index.html) into bench/dist: `vite build --config bench/vite.config.ts`.
// bin/bench.mjs does this before driving Chromium. Not part of the app build.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4096 },
  // module workers: the WebAssembly columns' worker starts the kernel's nested thread workers
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
