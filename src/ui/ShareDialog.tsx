// "Share / embed": a classroom builder. Pick the controls to hide, a chapter to open, the theme,
// autoplay and embed mode; the dialog writes the link and an <iframe> snippet and shows a live
// preview of exactly that link. A modal (src/ui/useModal.ts); the link itself is src/ui/shareBuilder.ts.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSize } from '../panels/useSize';
import { PANELS } from '../story/panelList';
import { panelTitle } from '../panels/panelText';
import { CHAPTERS } from '../story/chapters';
import { appStore } from '../state/store';
import { shareLink } from '../state/urlSync';
import { HIDABLE_CONTROLS, PAGE_CONTROLS, panelHideName } from '../link/viewParams';
import { useAppStore } from '../state/useAppStore';
import { builderLink, hideParam, iframeSnippet, type BuilderChoice } from './shareBuilder';
import { useModal } from './useModal';
import { controlLabel } from './controlNames';
import { PytorchExportButton } from './exportPytorch';
import { formatCount } from '../format/format';

/** Delay before the preview follows the choice (each change reloads a whole page in the frame). */
const PREVIEW_DEBOUNCE_MS = 600;

function initialChoice(): BuilderChoice {
  const s = appStore.getState();
  return {
    hidden: [...s.hidden], embed: false, panel: s.panel ?? 'flow', chapter: s.story.open ? s.story.chapter : null,
    theme: s.theme, autoplay: s.autoplayLink, lecture: s.lecture,
  };
}

export function ShareDialogButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="share-open" aria-haspopup="dialog">{t('share.open')}</button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The link as a reader sees it, scaled into the dialog: an embed at its 600 × 400, the full page
 * as a 1366 × 768 laptop shows it (the chapter's panel under its card; a 600 × 400 page would show
 * only the header and the card).
 */
function SharePreview({ src, embed }: { src: string; embed: boolean }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const [w, h] = embed ? [600, 400] : [1366, 768];
  const scale = width > 0 ? width / w : 0.4;
  return (
    <>
      <p className="hint">{t('share.preview', { width: formatCount(w), height: formatCount(h) })}</p>
      <div className="share-preview" ref={box} style={{ aspectRatio: `${w} / ${h}` }}>
        <iframe src={src} width={w} height={h} title={t('share.previewFrame')} data-testid="share-preview" style={{ transform: `scale(${scale})` }} />
      </div>
    </>
  );
}

function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const card = useModal<HTMLDivElement>(true, onClose);
  const [choice, setChoice] = useState<BuilderChoice>(initialChoice);
  const config = useAppStore((s) => s.config);
  const base = useMemo(() => shareLink(appStore.getState()), [config]);
  const link = builderLink(base, choice);
  const snippet = iframeSnippet(link, t('share.iframeTitle'));
  const [preview, setPreview] = useState(link);
  useEffect(() => { const timer = setTimeout(() => setPreview(link), PREVIEW_DEBOUNCE_MS); return () => clearTimeout(timer); }, [link]);
  const update = (patch: Partial<BuilderChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const toggleHidden = (name: string, on: boolean) => update({ hidden: on ? [...choice.hidden, name] : choice.hidden.filter((h) => h !== name) });
  const copy = (text: string) => { void navigator.clipboard?.writeText(text).catch((e: unknown) => console.warn('flowvar: copy failed; select the text instead', e)); };
  const panels = PANELS.map((p) => panelHideName(p.id));
  const settings = HIDABLE_CONTROLS.filter((c) => !PAGE_CONTROLS.includes(c) && !panels.includes(c));
  const box = (name: string) => (
    <label key={name} className="check" title={hideParam(name)}>
      <input type="checkbox" checked={choice.hidden.includes(name)} onChange={(e) => toggleHidden(name, e.target.checked)} data-testid={`hide-${name}`} /> {controlLabel(name)}
    </label>
  );
  return (
    <div className="overlay" onClick={onClose}>
      <div className="overlay-card share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" ref={card} data-testid="share-dialog" onClick={(e) => e.stopPropagation()}>
        <div className="share-head">
          <h2 id="share-title">{t('share.title')}</h2>
          <button type="button" onClick={onClose} data-testid="share-close">{t('share.close')}</button>
        </div>
        <div className="share-grid">
          <div className="share-choices">
            <fieldset>
              <legend>{t('share.openWith')}</legend>
              <label className="control">{t('share.chapter')}
                <select value={choice.chapter ?? ''} onChange={(e) => update({ chapter: e.target.value === '' ? null : e.target.value })} data-testid="share-chapter" data-autofocus>
                  <option value="">{t('share.noChapter')}</option>
                  {CHAPTERS.map((c, i) => <option key={c.id} value={c.id}>{t('share.chapterOption', { number: formatCount(i + 1), title: t(`story:chapters.${c.id}.title`) })}</option>)}
                </select>
              </label>
              <label className="control">{t('share.theme')}
                <select value={choice.theme} onChange={(e) => update({ theme: e.target.value as BuilderChoice['theme'] })} data-testid="share-theme">
                  <option value="lecture">{t('share.themeLecture')}</option>
                  <option value="projector">{t('share.themeProjector')}</option>
                </select>
              </label>
              <label className="control">{t('share.autoplay')}
                <select value={String(choice.autoplay)} onChange={(e) => update({ autoplay: e.target.value === 'null' ? null : e.target.value === 'true' })} data-testid="share-autoplay">
                  <option value="null">{t('share.autoplayBrowser')}</option>
                  <option value="true">{t('share.autoplayYes')}</option>
                  <option value="false">{t('share.autoplayNo')}</option>
                </select>
              </label>
              <label className="check"><input type="checkbox" checked={choice.lecture} onChange={(e) => update({ lecture: e.target.checked })} data-testid="share-lecture" /> {t('share.lecture')}</label>
              <label className="check"><input type="checkbox" checked={choice.embed} onChange={(e) => update({ embed: e.target.checked })} data-testid="share-embed" /> {t('share.embed')}</label>
              {choice.embed && (
                <label className="control">{t('share.panel')}
                  <select value={choice.panel} onChange={(e) => update({ panel: e.target.value })} data-testid="share-panel">
                    {PANELS.map((p) => <option key={p.id} value={p.id}>{panelTitle(p.id)}</option>)}
                  </select>
                </label>
              )}
            </fieldset>
            <fieldset>
              <legend>{t('share.hidePanels')}</legend>
              <div className="share-boxes">{PANELS.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={choice.hidden.includes(panelHideName(p.id))} onChange={(e) => toggleHidden(panelHideName(p.id), e.target.checked)} data-testid={`hide-${panelHideName(p.id)}`} /> {panelTitle(p.id)}
                </label>
              ))}</div>
            </fieldset>
            <fieldset>
              <legend>{t('share.hidePageControls')}</legend>
              <div className="share-boxes">{PAGE_CONTROLS.map(box)}</div>
            </fieldset>
            <fieldset>
              <legend>{t('share.hideSettings')}</legend>
              <div className="share-boxes">{settings.map(box)}</div>
            </fieldset>
          </div>
          <div className="share-result">
            <label className="control">{t('share.link')}
              <textarea readOnly value={link} rows={3} data-testid="share-builder-link" onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" onClick={() => copy(link)}>{t('share.copyLink')}</button>
            <label className="control">{t('share.iframe')}
              <textarea readOnly value={snippet} rows={4} data-testid="share-snippet" onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" onClick={() => copy(snippet)}>{t('share.copySnippet')}</button>
            <PytorchExportButton config={config} />
            <SharePreview src={preview} embed={choice.embed} />
          </div>
        </div>
      </div>
    </div>
  );
}
