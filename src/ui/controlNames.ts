// What a hidable control is called on the page, for the Share dialog's "hide" boxes: the settings
// column's label for a config field, plain words for the page's own controls (both from the
// catalogue, docs/i18n.md); never the link's internal name (newSeed, tScrub, srcMx, …), which stays the tooltip.
import { CONFIG_KEYS, type ConfigKey } from '../engine/runConfig';
import { PAGE_CONTROLS } from '../link/viewParams';
import { t } from '../i18n/i18n';

/** A config field's label in the reader's language (the settings column and the Share dialog). */
export function fieldLabel(key: ConfigKey): string {
  return t(`controls.fields.${key}.label`);
}

/** The words a lecturer reads for control `name` (its internal name when nothing better is known). */
export function controlLabel(name: string): string {
  if (PAGE_CONTROLS.includes(name)) return t(`controlNames.${name}`);
  if ((CONFIG_KEYS as readonly string[]).includes(name)) return fieldLabel(name as ConfigKey);
  return name;
}
