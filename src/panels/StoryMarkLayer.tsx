// The chapter's "what to look for" mark drawn on the data (issue 8, item 1): a highlighted band at a
// curve's current level, or a box around a plane region, with the chapter's label beside it. The
// anchor comes from storyMarkAnchor.ts; this layer only converts to pixels and draws, in the
// panel's SVG, so the label sits inside the plot and never over the panel's tool buttons.
import { formatMetric } from '../state/format';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { chapterById } from '../story/chapters';
import type { PanelId } from './panelList';
import { markAnchor, markPixels, type PlotBox } from './storyMarkAnchor';

export interface StoryMarkLayerProps {
  panel: PanelId;
  x: (v: number) => number;
  y: (v: number) => number;
  plot: PlotBox;
}

export function StoryMarkLayer({ panel, x, y, plot }: StoryMarkLayerProps) {
  const chapter = useAppStore((s) => (s.story.open ? chapterById(s.story.chapter) : undefined));
  const markers = useAppStore((s) => s.markers);
  useAppStore((s) => Math.floor(s.curveVersion / 8)); // a curve mark follows the data, not every frame
  const results = useAppStore((s) => (panel === 'sweep' ? s.sweep.results : null));
  if (!chapter || chapter.panel !== panel || !(plot.right > plot.left)) return null;
  const sweep = (results ?? []).map((r) => ({ sigma: r.sigma, reproduction: r.metrics.reproduction, chance: r.metrics.chance }));
  const anchor = markAnchor(chapter.look.target, appStore.getState().curves, markers, sweep);
  if (!anchor) return null;
  const { box, line, label } = markPixels(anchor, x, y, plot, chapter.look.label.length);
  return (
    <g className="story-mark" data-testid="story-mark-data" data-anchor={anchor.kind}
      data-value={anchor.kind === 'level' ? anchor.value : undefined} data-sigma-change={anchor.kind === 'level' ? anchor.sigmaChange ?? '' : undefined}>
      <rect className="story-band" {...box} />
      {line !== null && <line className="story-level" x1={plot.left} x2={box.x + box.width} y1={line} y2={line} />}
      <text x={label.x} y={label.y} textAnchor={label.anchor}>
        {chapter.look.label}
        {anchor.kind === 'level' && <tspan className="story-level-value">{` · now ${formatMetric(anchor.value, 2)}`}</tspan>}
      </text>
    </g>
  );
}
