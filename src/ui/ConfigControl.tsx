// One labelled control for one RunConfig field, built from RUN_CONFIG_FIELDS and CONTROL_GROUPS.
// Sliders of rebuild fields commit when released (one rebuild per drag, not one per pixel); the
// number box beside each slider commits on Enter or when it loses focus.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLiveKey, RUN_CONFIG_FIELDS, type ConfigKey } from '../engine/runConfig';
import { setConfigField } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { appStore } from '../state/store';
import { formatValue } from '../format/format';
import { numberBoxInput, numberBoxText } from './numberText';
import { fieldLabel } from './controlNames';
import { WORD_OPTIONS, type ControlSpec } from './controlTable';
import { SigmaSlider } from './SigmaSlider';

/** Slider position ↔ value for the three slider widgets. */
function sliderMap(spec: ControlSpec): { min: number; max: number; step: number; toValue: (p: number) => number; toPos: (v: number) => number } | null {
  const field = RUN_CONFIG_FIELDS[spec.key];
  if (field.type !== 'number' && field.type !== 'int') return null;
  if (spec.widget === 'log') {
    const lo = Math.log10(field.min), hi = Math.log10(field.max);
    return { min: lo, max: hi, step: (hi - lo) / 100, toValue: (p) => Number((10 ** p).toPrecision(2)), toPos: (v) => Math.log10(Math.max(field.min, v)) };
  }
  if (spec.widget === 'pow2') {
    const lo = Math.ceil(Math.log2(field.min)), hi = Math.floor(Math.log2(field.max));
    return { min: lo, max: hi, step: 1, toValue: (p) => 2 ** p, toPos: (v) => Math.round(Math.log2(Math.max(1, v))) };
  }
  if (spec.widget === 'linear') {
    return { min: field.min, max: field.max, step: spec.step ?? (field.type === 'int' ? 1 : (field.max - field.min) / 100), toValue: (p) => p, toPos: (v) => v };
  }
  return null;
}

function NumberBox({ id, fieldKey, value, label }: { id?: string; fieldKey: ConfigKey; value: number; label: string }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(numberBoxText(value));
  useEffect(() => setDraft(numberBoxText(value)), [value, i18n.language]);
  const field = RUN_CONFIG_FIELDS[fieldKey];
  const commit = () => {
    setConfigField(fieldKey, numberBoxInput(draft));
    const committed = appStore.getState().config[fieldKey];
    if (typeof committed === 'number') setDraft(numberBoxText(committed));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(numberBoxText(value));
  };
  return (
    <input id={id} className="num" type="text" inputMode="decimal" aria-label={id ? undefined : t('controls.exactValue', { label })}
      title={'min' in field ? `${formatValue(field.min)} … ${formatValue(field.max)}` : undefined}
      value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} data-testid={`num-${fieldKey}`} />
  );
}

export function ConfigControl({ spec }: { spec: ControlSpec }) {
  const { t } = useTranslation();
  const id = useId();
  const value = useAppStore((s) => s.config[spec.key]);
  const field = RUN_CONFIG_FIELDS[spec.key];
  const map = sliderMap(spec);
  const [drag, setDrag] = useState<number | null>(null);
  const live = isLiveKey(spec.key);

  const label = fieldLabel(spec.key);
  if (spec.widget === 'sigma') return <SigmaSlider id={id} label={label} />;

  const labelEl = <label htmlFor={id} title={t(`controls.fields.${spec.key}.hint`)}>{label}</label>;
  if (field.type === 'enum') {
    const words = WORD_OPTIONS.includes(spec.key);
    return (
      <div className="control" data-control={spec.key}>
        {labelEl}
        <select id={id} value={String(value)} onChange={(e) => setConfigField(spec.key, e.target.value)} data-testid={`ctl-${spec.key}`}>
          {field.values.map((v) => <option key={v} value={v}>{words ? t(`controls.options.${spec.key}.${v}`) : v}</option>)}
        </select>
      </div>
    );
  }
  if (typeof value !== 'number') return null; // pairs / bool fields have no generic control
  if (!map) {
    return (
      <div className="control" data-control={spec.key}>
        {labelEl}
        <NumberBox id={id} fieldKey={spec.key} value={value} label={label} />
      </div>
    );
  }
  const pos = drag ?? map.toPos(value);
  const commit = (p: number) => { setDrag(null); setConfigField(spec.key, map.toValue(p)); };
  return (
    <div className="control" data-control={spec.key}>
      {labelEl}
      <div className="slider-row">
        <input id={id} type="range" min={map.min} max={map.max} step={map.step} value={pos}
          data-testid={`ctl-${spec.key}`}
          aria-valuetext={formatValue(drag === null ? value : map.toValue(drag))}
          onChange={(e) => { const p = Number(e.target.value); if (live) commit(p); else setDrag(p); }}
          onPointerUp={(e) => { if (!live) commit(Number(e.currentTarget.value)); }}
          onKeyUp={(e) => { if (!live) commit(Number(e.currentTarget.value)); }}
          onBlur={(e) => { if (!live && drag !== null) commit(Number(e.currentTarget.value)); }} />
        <NumberBox fieldKey={spec.key} value={drag === null ? value : map.toValue(drag)} label={label} />
      </div>
    </div>
  );
}
