// The compare picker: which setting run B changes, and its value there (form elements, so the
// keyboard and screen readers work); the values are clamped like a link's (pickCompare).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_KEYS, type CompareKey } from '../../engine/compare';
import { RUN_CONFIG_FIELDS } from '../../engine/runConfig';
import { pickCompare } from '../../state/compareActions';
import { formatField } from '../../link/url';
import { useAppStore } from '../../state/useAppStore';
import { optionName } from '../optionName';

export function CompareControls() {
  const { t } = useTranslation();
  const keyLabel = (k: CompareKey) => t(`panels:compare.keys.${k}`);
  const compare = useAppStore((s) => s.compare);
  const key = compare?.key ?? 'off';
  const shown = compare ? formatField(compare.key, compare.value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const field = compare ? RUN_CONFIG_FIELDS[compare.key] : null;
  return (
    <div className="compare-controls">
      <label>{t('panels:compare.pick')} <select value={key} data-testid="compare-key" onChange={(e) => pickCompare(e.target.value, null)}>
        <option value="off">{t('panels:compare.off')}</option>
        {COMPARE_KEYS.map((k) => <option key={k} value={k}>{keyLabel(k)}</option>)}
      </select></label>
      {compare && field?.type === 'enum' && (
        <label>{t('panels:compare.runB')} <select value={shown} data-testid="compare-value" onChange={(e) => pickCompare(compare.key, e.target.value)}>
          {field.values.map((v) => <option key={v} value={v}>{optionName(compare.key, v)}</option>)}
        </select></label>
      )}
      {compare && field && field.type !== 'enum' && (
        <label>{t('panels:compare.runB')} {keyLabel(compare.key)} = <input type="text" inputMode="decimal" size={7} value={text} data-testid="compare-value"
          onChange={(e) => setText(e.target.value)} onBlur={() => pickCompare(compare.key, text)}
          onKeyDown={(e) => { if (e.key === 'Enter') pickCompare(compare.key, text); }} /></label>
      )}
    </div>
  );
}
