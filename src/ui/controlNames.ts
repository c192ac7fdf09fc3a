// What a hidable control is called on the page, for the Share dialog's "hide" boxes: the settings
// column's label for a config field (src/ui/controlTable.ts), plain words for the page's own
// controls; never the link's internal name (newSeed, tScrub, srcMx, …), which stays the tooltip.
import { CONTROL_GROUPS } from './controlTable';

const PAGE_LABELS: Readonly<Record<string, string>> = {
  play: 'Play / Pause button',
  step: 'Step button',
  reset: 'Reset button',
  newSeed: 'New seed button',
  speed: 'steps per frame',
  presets: 'chapter buttons',
  share: 'Copy link and Share buttons',
  layers: 'layer switches',
  theme: 'Projector switch',
  tScrub: 'time t slider of the flow',
  overlay: 'closed-form overlay',
  compare: 'compare picker',
};

/** The words a lecturer reads for control `name` (its internal name when nothing better is known). */
export function controlLabel(name: string): string {
  if (PAGE_LABELS[name]) return PAGE_LABELS[name];
  for (const group of CONTROL_GROUPS) {
    const spec = group.controls.find((c) => c.key === name);
    if (spec) return spec.label;
  }
  return name;
}
