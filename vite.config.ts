import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base: the built site works from any static host and sub-path (SPEC §7).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/gpu/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
