// A setting's value as the settings column names it (common:controls.options.<key>.<value>, the
// same words in every panel); a value with no entry (a number, a marker from a file) stays as it is.
import { t } from '../i18n/i18n';

export function optionName(key: string, value: string): string {
  return t(`controls.options.${key}.${value}`, { defaultValue: value });
}
