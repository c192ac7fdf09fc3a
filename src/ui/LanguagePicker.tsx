// The header's language picker: each language in its own name; the choice goes into the link
// (`lang=`), so a shared link opens in the language it was shared in (docs/i18n.md).
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import { chooseLanguage, shownLanguage } from '../state/language';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, LANGUAGE_TAGS } from '../i18n/languages';

export function LanguagePicker() {
  const { t } = useTranslation();
  const lang = shownLanguage(useAppStore((s) => s.lang));
  return (
    <label className="language-picker">
      <span className="sr-only">{t('header.language')}</span>
      <select value={lang} onChange={(e) => { if (isLanguage(e.target.value)) chooseLanguage(e.target.value); }} data-testid="language-picker" title={t('header.language')}>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={LANGUAGE_TAGS[l]}>{LANGUAGE_NAMES[l]}</option>)}
      </select>
    </label>
  );
}
