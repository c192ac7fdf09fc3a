// A change marker's label in the reader's language ("σ 0 → 0.3", "Interpolante constant → bridge"):
// the setting's name from the catalogue (panels:markers.setting), the values as the store wrote them.
import { t } from '../i18n/i18n';
import type { ChangeMarker } from '../state/runSlice';

export function markerText(m: ChangeMarker): string {
  // a marker from a file may name a setting the catalogue does not know: its key then
  return `${t(`panels:markers.setting.${m.key}`, { defaultValue: m.key })} ${m.from} → ${m.to}`;
}
