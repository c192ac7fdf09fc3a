// The shell every panel shares: a titled, focusable section (F full-screens the focused one),
// tool buttons (PNG export, full screen), and an error boundary so one panel failing leaves the
// rest of the page standing.
import type { ReactNode } from 'react';
import { setFullscreen } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { panelInfo, type PanelId } from './panelList';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { exportPanelPng } from './exportPanel';

export interface PanelFrameProps {
  /** the panel's row in src/panels/panelList.ts (its title and anchor) */
  id: PanelId;
  /** extra controls in the header (e.g. CSV export) */
  tools?: ReactNode;
  /** under the plot (e.g. the t scrubber, a legend) */
  footer?: ReactNode;
  children: ReactNode;
  /** offer the PNG export (panels with a plot) */
  png?: boolean;
}

export function PanelFrame({ id, tools, footer, children, png = true }: PanelFrameProps) {
  const { title, anchor } = panelInfo(id);
  const full = useAppStore((s) => s.fullscreen === id);
  const headingId = `panel-${id}-title`;
  return (
    <section id={anchor} className={`panel panel-${id}${full ? ' is-full' : ''}`} data-panel={id} data-testid={`panel-${id}`} tabIndex={0} aria-labelledby={headingId}>
      <header className="panel-head">
        <h2 id={headingId}>{title}</h2>
        <div className="panel-tools">
          {tools}
          {png && <button type="button" className="tool" onClick={(e) => exportPanelPng(e.currentTarget.closest('section')!, id)} title="Save this panel as PNG">PNG</button>}
          <button type="button" className="tool" onClick={() => setFullscreen(full ? null : id)} aria-pressed={full} title="Full screen (F)">
            {full ? 'Exit' : '⤢'}
          </button>
        </div>
      </header>
      <ErrorBoundary name={title}>{children}</ErrorBoundary>
      {footer && <div className="panel-foot">{footer}</div>}
    </section>
  );
}
