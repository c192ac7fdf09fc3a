// The start / stop button of a science job (the σ sweep, the ReFlow rounds): one component, so
// both panels behave alike; the actions only mark the job requested or stopped (scienceActions.ts).
import { useTranslation } from 'react-i18next';
import { startReflow, startSweep, stopReflow, stopSweep } from '../../state/scienceActions';
import { useAppStore } from '../../state/useAppStore';

const ACTIONS = {
  sweep: { start: startSweep, stop: stopSweep, startKey: 'panels:job.runSweep', stopKey: 'panels:job.stopSweep' },
  reflow: { start: startReflow, stop: stopReflow, startKey: 'panels:job.runReflow', stopKey: 'panels:job.stopReflow' },
} as const;

export function JobButton({ job }: { job: keyof typeof ACTIONS }) {
  const running = useAppStore((s) => s[job].status === 'running');
  const { t } = useTranslation();
  const { start, stop, startKey, stopKey } = ACTIONS[job];
  return running
    ? <button type="button" className="tool" onClick={() => stop()} data-testid={`${job}-stop`} aria-label={t(stopKey)}>{t('panels:job.stop')}</button>
    : <button type="button" className="tool" onClick={() => start()} data-testid={`${job}-start`}>{t(startKey)}</button>;
}
