// The shell every panel shares: a titled, focusable section (F full-screens the focused one),
// tool buttons named after the panel (PNG and SVG export, full screen), a visually hidden text
// summary of the plotted values (live while the panel holds focus), and an error boundary so one
// panel failing leaves the rest of the page standing.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setFullscreen } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { panelInfo, type PanelId } from '../story/panelList';
import { ErrorBoundary } from './ErrorBoundary';
import { exportPanel } from './exportPanel';
import { panelDefinition, panelTitle } from './panelText';
import { usePanelSummary } from './usePanelSummary';

export interface PanelFrameProps {
  /** the panel's row in src/story/panelList.ts (its title and anchor) */
  id: PanelId;
  /** extra controls in the header (e.g. CSV export) */
  tools?: ReactNode;
  /** under the plot (e.g. the t scrubber, a legend) */
  footer?: ReactNode;
  children: ReactNode;
  /** offer the PNG / SVG export (panels with a plot) */
  png?: boolean;
}

/** Said in place of a single-run panel while two runs are compared (it would wait for a run that is idle). */
function CompareElsewhere() {
  const { t } = useTranslation();
  const go = () => {
    const panel = document.getElementById(panelInfo('compare').anchor);
    panel?.scrollIntoView({ block: 'start' });
    panel?.focus({ preventScroll: true });
  };
  return (
    <p className="compare-elsewhere" data-testid="compare-elsewhere">
      {t('panels:frame.compareElsewhere')}{' '}
      <button type="button" className="link" onClick={go}>{t('panels:frame.goToCompare')}</button>
    </p>
  );
}

export function PanelFrame({ id, tools, footer, children, png = true }: PanelFrameProps) {
  const { t } = useTranslation();
  const { anchor, singleRun } = panelInfo(id);
  const title = panelTitle(id);
  const elsewhere = useAppStore((s) => s.compare !== null && !!singleRun);
  const full = useAppStore((s) => s.fullscreen === id);
  const [active, setActive] = useState(false);
  const summary = usePanelSummary<HTMLParagraphElement>(id);
  const headingId = `panel-${id}-title`;
  return (
    <section id={anchor} className={`panel panel-${id}${full ? ' is-full' : ''}`} data-panel={id} data-testid={`panel-${id}`} tabIndex={0} aria-labelledby={headingId}
      onFocus={() => setActive(true)} onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false); }}>
      <header className="panel-head">
        <h2 id={headingId}>{title}</h2>
        <div className="panel-tools">
          {tools}
          {png && (
            <>
              <button type="button" className="tool" onClick={(e) => exportPanel(e.currentTarget.closest('section')!, id, title, 'png')}
                aria-label={t('panels:frame.save', { title, format: 'PNG' })} title={t('panels:frame.saveHint', { format: 'PNG' })} data-testid={`png-${id}`}>PNG</button>
              <button type="button" className="tool" onClick={(e) => exportPanel(e.currentTarget.closest('section')!, id, title, 'svg')}
                aria-label={t('panels:frame.save', { title, format: 'SVG' })} title={t('panels:frame.saveHint', { format: 'SVG' })} data-testid={`svg-${id}`}>SVG</button>
            </>
          )}
          <button type="button" className="tool" onClick={() => setFullscreen(full ? null : id)} aria-pressed={full}
            aria-label={t('panels:frame.fullscreen', { title })} title={t('panels:frame.fullscreenHint')}>
            {full ? t('panels:frame.exit') : '⤢'}
          </button>
        </div>
      </header>
      <p className="panel-def" data-testid={`definition-${id}`}>{panelDefinition(id)}</p>
      {elsewhere ? <CompareElsewhere /> : <ErrorBoundary name={title}>{children}</ErrorBoundary>}
      {footer && !elsewhere && <div className="panel-foot">{footer}</div>}
      <p className="sr-only" aria-live={active ? 'polite' : 'off'} data-testid={`summary-${id}`} ref={summary} />
    </section>
  );
}
