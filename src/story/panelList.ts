// The one list of panels (docs/design.md#panels), in reading order: the view state (full screen, embed, `panel=`
// links, the F key), the panel frames (their headings), the layer toggles and the story's chapters
// all read it. Pure data, no React: it sits in the story layer, below the link codec and the store.

export interface PanelInfo {
  /** short id: `panel=<id>` in links, `data-panel` on the section */
  readonly id: string;
  /** the heading people read */
  readonly title: string;
  /** the section's HTML id: a chapter's "what to look for" mark and `#anchor` links point here */
  readonly anchor: string;
}

export const PANELS = [
  { id: 'pairs', title: 'Pairs & interpolants', anchor: 'panel-pairs' },
  { id: 'flow', title: 'Learned flow', anchor: 'panel-flow' },
  { id: 'gradvar', title: 'Gradient variance & loss', anchor: 'panel-gradvar' },
  { id: 'readouts', title: 'Memorization & generalization', anchor: 'panel-readouts' },
  { id: 'compare', title: 'Compare two runs in lockstep', anchor: 'panel-compare' },
  { id: 'tbins', title: 'Gradient variance by t', anchor: 'panel-tbins' },
  { id: 'sweep', title: 'σ sweep: memorization → generalization', anchor: 'panel-sweep' },
  { id: 'reflow', title: 'ReFlow rounds', anchor: 'panel-reflow' },
  { id: 'crossing', title: 'Where lines cross: Var[u_t | x_t ≈ x, t]', anchor: 'panel-crossing' },
] as const satisfies readonly PanelInfo[];

export type PanelId = (typeof PANELS)[number]['id'];
export const PANEL_IDS: readonly PanelId[] = PANELS.map((p) => p.id);

/** Whether a string (a link value, a DOM attribute) names a panel. */
export function isPanelId(value: string): value is PanelId {
  return (PANEL_IDS as readonly string[]).includes(value);
}

/** The row of panel `id`. */
export function panelInfo(id: PanelId): PanelInfo {
  return PANELS.find((p) => p.id === id)!;
}
