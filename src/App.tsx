// The page: a skip link, the header (presets, share, theme, motion, help), then the main region:
// banners, the active preset's explanation, the training bar, the settings column and the panels
// grid; on phones a bottom bar with play and σ. Embed mode shows one panel, no chrome.
import { useEffect, type ReactElement } from 'react';
import { setHelp, toggleTheme } from './state/actions';
import { useAppStore } from './state/useAppStore';
import { PANELS, type PanelId } from './story/panelList';
import { panelHideName } from './link/viewParams';
import type { Store } from './state/store';
import { chapterById } from './story/chapters';
import { Banners } from './ui/Banners';
import { Controls } from './ui/Controls';
import { EmbedBar } from './ui/EmbedBar';
import { ErrorBoundary } from './panels/ErrorBoundary';
import { ExplainCard } from './ui/ExplainCard';
import { StoryMark } from './ui/StoryMark';
import { HelpOverlay } from './ui/HelpOverlay';
import { LectureMode } from './ui/LectureMode';
import { MotionToggle } from './ui/MotionToggle';
import { LanguagePicker } from './ui/LanguagePicker';
import { useTranslation } from 'react-i18next';
import { PhoneBar } from './ui/PhoneBar';
import { PresetBar } from './ui/PresetBar';
import { ShareButton } from './ui/ShareButton';
import { ShareDialogButton } from './ui/ShareDialog';
import { Transport } from './ui/Transport';
import { WeightsIO } from './ui/WeightsIO';
import { PointsIO } from './ui/PointsIO';
import { ResultsIO } from './ui/ResultsIO';
import { installFileDrop } from './ui/fileDrop';
import { PairsPanel } from './panels/PairsPanel';
import { FlowPanel } from './panels/FlowPanel';
import { GradVarPanel } from './panels/GradVarPanel';
import { TBinsPanel } from './panels/TBinsPanel';
import { ReadoutsPanel } from './panels/ReadoutsPanel';
import { SweepPanel } from './panels/science/SweepPanel';
import { ReflowPanel } from './panels/science/ReflowPanel';
import { CrossingPanel } from './panels/science/CrossingPanel';
import { ComparePanel } from './panels/compare/ComparePanel';

const PANEL_VIEWS: Record<PanelId, () => ReactElement> = {
  pairs: PairsPanel,
  flow: FlowPanel,
  gradvar: GradVarPanel,
  tbins: TBinsPanel,
  readouts: ReadoutsPanel,
  sweep: SweepPanel,
  reflow: ReflowPanel,
  crossing: CrossingPanel,
  compare: ComparePanel,
};

/** The panel an open chapter is about: put first, right under the card, so both are in view together (src/ui/chapterInView.ts). */
function leadPanel(s: Store): PanelId | null {
  return s.story.open ? chapterById(s.story.chapter)?.panel ?? null : null;
}

function Panels() {
  const { t } = useTranslation();
  const hidden = useAppStore((s) => s.hidden);
  const lead = useAppStore(leadPanel);
  const shown = PANELS.filter(({ id }) => !hidden.includes(panelHideName(id)));
  const ordered = lead ? [...shown.filter((p) => p.id === lead), ...shown.filter((p) => p.id !== lead)] : shown;
  return (
    <div className="panels" id="panels" tabIndex={-1} aria-label={t('header.panels')} role="region">
      {ordered.map(({ id }) => {
        const View = PANEL_VIEWS[id];
        return <View key={id} />;
      })}
    </div>
  );
}

function Embed() {
  const panel = useAppStore((s) => s.panel) ?? 'pairs';
  const View = PANEL_VIEWS[panel];
  return (
    <main className="embed">
      <Banners />
      <EmbedBar />
      <View />
    </main>
  );
}

export function App() {
  const { t } = useTranslation();
  useEffect(installFileDrop, []);
  const embed = useAppStore((s) => s.embed);
  const lecture = useAppStore((s) => s.lecture);
  const hidden = useAppStore((s) => s.hidden);
  const theme = useAppStore((s) => s.theme);
  const fullscreen = useAppStore((s) => s.fullscreen);
  const storyOn = useAppStore((s) => s.story.open);
  if (embed) return <ErrorBoundary name="flowvar"><Embed /></ErrorBoundary>;
  if (lecture) return <ErrorBoundary name="flowvar"><LectureMode views={PANEL_VIEWS} /></ErrorBoundary>;
  const show = (name: string) => !hidden.includes(name);
  return (
    <ErrorBoundary name="flowvar">
      <div className={`app${fullscreen ? ' has-full' : ''}${storyOn ? ' story-on' : ''}`}>
        <a className="skip-link" href="#panels" data-testid="skip-link">{t('header.skipToPanels')}</a>
        <header className="top">
          <h1>flowvar <small>{t('header.tagline')}</small></h1>
          {show('presets') && <PresetBar />}
          <div className="top-tools">
            {show('share') && <ShareButton />}
            {show('share') && <ShareDialogButton />}
            {show('theme') && (
              <button type="button" onClick={() => toggleTheme()} aria-pressed={theme === 'projector'} title="P" data-testid="theme-toggle">
                {t('header.projector')}
              </button>
            )}
            <MotionToggle />
            <LanguagePicker />
            <button type="button" onClick={() => setHelp(true)} title="?" aria-label={t('header.help')} data-testid="help-open">?</button>
          </div>
        </header>
        <main className="page">
          <Banners />
          <ExplainCard />
          <Transport />
          <div className="layout">
            <div className="sidebar"><Controls /><PointsIO /><ResultsIO /><WeightsIO /></div>
            <Panels />
          </div>
        </main>
        <PhoneBar />
        <StoryMark />
        <HelpOverlay />
      </div>
    </ErrorBoundary>
  );
}
