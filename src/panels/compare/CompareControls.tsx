// The compare picker: which setting run B changes, and its value there (form elements, so the
// keyboard and screen readers work); the values are clamped like a link's (pickCompare).
import { useEffect, useState } from 'react';
import { COMPARE_KEYS, type CompareKey } from '../../engine/compare';
import { RUN_CONFIG_FIELDS } from '../../engine/runConfig';
import { pickCompare } from '../../state/compareActions';
import { formatField } from '../../link/url';
import { useAppStore } from '../../state/useAppStore';

const KEY_LABELS: Record<CompareKey, string> = { sigma: 'σ', interpolant: 'interpolant', width: 'width', lr: 'learning rate', phi: 'coupling angle φ' };

export function CompareControls() {
  const compare = useAppStore((s) => s.compare);
  const key = compare?.key ?? 'off';
  const shown = compare ? formatField(compare.key, compare.value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const field = compare ? RUN_CONFIG_FIELDS[compare.key] : null;
  return (
    <div className="compare-controls">
      <label>compare <select value={key} data-testid="compare-key" onChange={(e) => pickCompare(e.target.value, null)}>
        <option value="off">off (one run)</option>
        {COMPARE_KEYS.map((k) => <option key={k} value={k}>{KEY_LABELS[k]}</option>)}
      </select></label>
      {compare && field?.type === 'enum' && (
        <label>run B <select value={shown} data-testid="compare-value" onChange={(e) => pickCompare(compare.key, e.target.value)}>
          {field.values.map((v) => <option key={v} value={v}>{v}</option>)}
        </select></label>
      )}
      {compare && field && field.type !== 'enum' && (
        <label>run B {KEY_LABELS[compare.key]} = <input type="text" inputMode="decimal" size={7} value={text} data-testid="compare-value"
          onChange={(e) => setText(e.target.value)} onBlur={() => pickCompare(compare.key, text)}
          onKeyDown={(e) => { if (e.key === 'Enter') pickCompare(compare.key, text); }} /></label>
      )}
    </div>
  );
}
