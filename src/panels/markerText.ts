// A change marker's label in the reader's language ("σ 0 → 0.3", "Interpolante konstant → Brücke"):
// the setting's name from the catalogue (panels:markers.setting), a named value as the settings
// column names it, a number as the store wrote it when the change was made.
import { t } from '../i18n/i18n';
import type { ChangeMarker } from '../state/runSlice';
import { optionName } from './optionName';

export function markerText(m: ChangeMarker): string {
  // a marker from a file may name a setting the catalogue does not know: its key then
  return `${t(`panels:markers.setting.${m.key}`, { defaultValue: m.key })} ${optionName(m.key, m.from)} → ${optionName(m.key, m.to)}`;
}
