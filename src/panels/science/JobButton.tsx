// The start / stop button of a science job (the σ sweep, the ReFlow rounds): one component, so
// both panels behave alike; the actions only mark the job requested or stopped (scienceActions.ts).
import { startReflow, startSweep, stopReflow, stopSweep } from '../../state/scienceActions';
import { useAppStore } from '../../state/useAppStore';

const ACTIONS = {
  sweep: { start: startSweep, stop: stopSweep, stopLabel: 'Stop the σ sweep' },
  reflow: { start: startReflow, stop: stopReflow, stopLabel: 'Stop the ReFlow rounds' },
} as const;

export function JobButton({ job, label }: { job: keyof typeof ACTIONS; label: string }) {
  const running = useAppStore((s) => s[job].status === 'running');
  const { start, stop, stopLabel } = ACTIONS[job];
  return running
    ? <button type="button" className="tool" onClick={() => stop()} data-testid={`${job}-stop`} aria-label={stopLabel}>Stop</button>
    : <button type="button" className="tool" onClick={() => start()} data-testid={`${job}-start`}>{label}</button>;
}
