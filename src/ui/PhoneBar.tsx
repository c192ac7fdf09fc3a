// Phones (docs/design.md#phones): a bar fixed to the bottom
// of the screen with play / pause and the σ slider, so the control and the panel it moves are on
// screen together however far the reader scrolls. Mounted only on narrow screens (PHONE_QUERY).
import { useTranslation } from 'react-i18next';
import { PlaySigmaBar } from './PlaySigmaBar';
import { useMedia } from './useMedia';

/** Screens where the settings column sits far below the panels. */
export const PHONE_QUERY = '(max-width: 700px)';

export function PhoneBar() {
  const { t } = useTranslation();
  const phone = useMedia(PHONE_QUERY);
  return phone ? <PlaySigmaBar prefix="bar-" className="phone-bar" testId="phone-bar" label={t('bar.label')} /> : null;
}
