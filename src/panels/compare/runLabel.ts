// A run's setting as the compare panel shows it ("σ = 0.05", "φ = 1,571" in German): the setting's
// short name from the catalogue, its number in the reader's locale (docs/i18n.md#numbers); the
// engine's settingLabel keeps the plain form for the runner's rows.
import type { CompareKey } from '../../engine/compare';
import type { RunConfig } from '../../engine/runConfig';
import { formatNumber } from '../../format/format';
import { t } from '../../i18n/i18n';
import { optionName } from '../optionName';

export function runSettingLabel(key: CompareKey, value: RunConfig[CompareKey]): string {
  const text = typeof value === 'number' ? formatNumber(value, { maximumSignificantDigits: 4 }) : optionName(key, value);
  return `${t(`panels:compare.symbols.${key}`)} = ${text}`;
}
