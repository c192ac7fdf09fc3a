// The "?" overlay: a glossary of the words the page shows (src/story/glossary.ts), then every
// shortcut, generated from KEY_BINDINGS; the words are story:glossary.* and story:keys.*. A real modal: focus is trapped inside and returns to the
// opener on close (src/ui/useModal.ts).
import { useTranslation } from 'react-i18next';
import { setHelp } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { KEY_BINDINGS } from './keys';
import { GLOSSARY_IDS } from '../story/glossary';
import { CHAPTERS } from '../story/chapters';
import { useModal } from './useModal';
import { APP_VERSION, BUILD_ID } from '../format/version';
import { formatCount } from '../format/format';

export function HelpOverlay() {
  const open = useAppStore((s) => s.help);
  const card = useModal<HTMLDivElement>(open, () => setHelp(false));
  const { t } = useTranslation();
  if (!open) return null;
  const chapters = CHAPTERS.map((c, i) => `${formatCount(i + 1)} ${t(`story:chapters.${c.id}.title`)}`).join(' · ');
  const last = formatCount(Math.min(9, CHAPTERS.length));
  return (
    <div className="overlay" data-testid="help-backdrop" onClick={() => setHelp(false)}>
      <div className="overlay-card" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help" ref={card} onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('story:help.title')}</h2>
        <h3>{t('story:help.words')}</h3>
        <dl className="glossary" data-testid="glossary">
          {GLOSSARY_IDS.map((id) => (
            <div key={id}><dt>{t(`story:glossary.${id}.term`)}</dt><dd>{t(`story:glossary.${id}.definition`)}</dd></div>
          ))}
        </dl>
        <h3>{t('story:help.shortcuts')}</h3>
        <table>
          <tbody>
            {KEY_BINDINGS.map((b) => (
              <tr key={b.id}>
                <th scope="row"><kbd>{t(`story:keys.${b.id}.key`, { last })}</kbd></th>
                <td>{t(`story:keys.${b.id}.label`, { chapters })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('story:help.hint')}</p>
        <p className="hint" data-testid="app-version">{t('story:help.version', { version: APP_VERSION, build: BUILD_ID })}</p>
        <button type="button" data-autofocus onClick={() => setHelp(false)}>{t('story:help.close')}</button>
      </div>
    </div>
  );
}
