// A change marker's label in the reader's language ("σ 0 → 0.3", "Interpolante konstant → Brücke"):
// the setting's name from the catalogue (panels:markers.setting), a named value as the settings
// column names it, a number in the reader's format now (a marker keeps the values, not their text).
import { t } from '../i18n/i18n';
import type { ChangeMarker } from '../state/runSlice';
import { optionName } from './optionName';
import { formatSetting } from '../format/format';

export function markerText(m: ChangeMarker): string {
  // a marker from a file may name a setting the catalogue does not know: its key then
  const value = (v: number | string) => (typeof v === 'string' ? optionName(m.key, v) : formatSetting(m.key, v));
  return `${t(`panels:markers.setting.${m.key}`, { defaultValue: m.key })} ${value(m.from)} → ${value(m.to)}`;
}
