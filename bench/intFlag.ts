// `--name N` of a bench script's command line as a positive integer (bench/sweepBench.ts, bench/gpuSeedsBench.ts).
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${name} takes a positive integer`);
  return v;
}
