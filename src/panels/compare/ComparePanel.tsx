// The compare panel (docs/design.md#compare-two-runs): the picker, a notice when the GPU
// runs are not one batched dispatch, both learned flows on the same axes, both runs' gradient
// variance and loss on one plot, and the readouts of A and B with the difference B − A.
import { useTranslation } from 'react-i18next';
import { formatCount, formatMetric, formatPercent } from '../../format/format';
import { runSettingLabel } from './runLabel';
import { useAppStore } from '../../state/useAppStore';
import { useShallow } from 'zustand/react/shallow';
import { PanelFrame } from '../PanelFrame';
import { CompareControls } from './CompareControls';
import { CompareCurves } from './CompareCurves';
import { CompareFlows } from './CompareFlows';
import { compareRows, type CompareRow } from './compareRows';
import { appStore } from '../../state/store';
import { useTranslateMessage } from '../../i18n/translateMessage';

function cell(row: CompareRow, v: number | null, signed = false): string {
  if (v === null) return '—';
  const text = row.percent ? formatPercent(v) : formatMetric(v);
  return signed && v > 0 ? `+${text}` : text;
}

function CompareReadouts() {
  const key = useAppStore((s) => s.compare?.key ?? null);
  const labels = useAppStore(useShallow((s) => s.compareState.runs.map((r) => (key ? runSettingLabel(key, r.config[key]) : ''))));
  const { t } = useTranslation();
  useAppStore((s) => s.compareState.runs); // re-render on new evaluations
  useAppStore((s) => Math.floor(s.compareState.version / 16)); // and now and then as the curves grow
  const { runs } = appStore.getState().compareState;
  const rows = compareRows(runs.map((r) => r.curves), runs.map((r) => r.evaluation?.metrics));
  return (
    <table className="compare-table" data-testid="compare-readouts">
      <thead>
        <tr><th scope="col">{t('panels:compare.figure')}</th><th scope="col" className="run-a">A: {labels[0]}</th><th scope="col" className="run-b">B: {labels[1]}</th><th scope="col">B − A</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`compare-row-${r.id}`}>
            <th scope="row">{r.label}</th><td>{cell(r, r.a)}</td><td>{cell(r, r.b)}</td><td>{cell(r, r.diff, true)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Status() {
  const st = useAppStore(useShallow((s) => ({ phase: s.compareState.phase, kind: s.compareState.kind, batched: s.compareState.batched, notice: s.compareState.notice, step: s.compareState.step })));
  const { t } = useTranslation();
  const translate = useTranslateMessage();
  return (
    <>
      <p className="dim compare-status" data-testid="compare-status">
        {st.phase === 'starting' ? t('panels:compare.starting')
          : t('panels:compare.status', { step: formatCount(st.step), kind: st.kind?.toUpperCase() ?? '', mode: st.batched ? t('panels:compare.batched') : t('panels:compare.lockstep') })}
        {' · '}{t('panels:compare.same')}
      </p>
      {st.notice && <p className="compare-notice" role="status" data-testid="compare-notice">{translate(st.notice)}</p>}
    </>
  );
}

export function ComparePanel() {
  const on = useAppStore((s) => s.compare !== null);
  const picker = useAppStore((s) => !s.hidden.includes('compare')); // compare_hide=true: a link's comparison stays as set
  const { t } = useTranslation();
  return (
    <PanelFrame id="compare" png={on}>
      {picker && <CompareControls />}
      {on ? (
        <>
          <Status />
          {/* the curves first: the variance of A against B is what comparing is for */}
          <CompareCurves />
          <CompareReadouts />
          <CompareFlows />
        </>
      ) : (
        <p className="dim">{t('panels:compare.intro')}</p>
      )}
    </PanelFrame>
  );
}
