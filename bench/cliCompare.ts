// `npx tsx bench/cliCompare.ts [link] [--steps N] [--rounds R]`: the CLI's compare against a single
// run on the CPU engine, in one process (docs/cli.md#compare-links-two-runs-in-lockstep). A compare
// trains two models per lockstep step, so its steps/s should be about half a single run's; the bar
// is 0.4×. Alternates the two R times and reports the medians, so load on the machine hits both.
import { main } from '../src/cli/main';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const link = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'pairs=64&width=64';
const steps = flag('--steps', 1000), rounds = flag('--rounds', 3);

async function stepsPerSec(query: string): Promise<number> {
  const out: string[] = [];
  const code = await main(['run', query, '--steps', String(steps), '--json'], { out: (l) => out.push(l), err: () => {} });
  if (code !== 0) throw new Error(`flowvar run ${query} exited ${code}`);
  return JSON.parse(out[0]).stepsPerSec;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const single: number[] = [], compare: number[] = [];
for (let r = 0; r < rounds; r++) {
  single.push(await stepsPerSec(link));
  compare.push(await stepsPerSec(`${link}&compare=sigma:0.3`));
}
const [s, c] = [median(single), median(compare)];
console.log(`link ${link}, ${steps} steps, ${rounds} rounds (medians)`);
console.log(`run      ${s.toFixed(1)} steps/s`);
console.log(`compare  ${c.toFixed(1)} lockstep steps/s (two models)`);
console.log(`ratio    ${(c / s).toFixed(2)} (bar: 0.40)`);
process.exit(c / s >= 0.4 ? 0 : 1);
