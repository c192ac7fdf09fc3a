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
  /** one line in plain words under the title: what the panel shows */
  readonly definition: string;
  /** draws the single run only: while two runs are compared it says so and points to the compare panel */
  readonly singleRun?: true;
}

export const PANELS = [
  { id: 'pairs', title: 'Pairs & interpolants', anchor: 'panel-pairs',
    definition: 'Each training pair joins a source point x0 to its target x1 by a straight line; with σ > 0 the line is blurred into a tube.' },
  { id: 'flow', title: 'Learned flow', anchor: 'panel-flow', singleRun: true,
    definition: 'Where the trained network carries points from x0 to x1: their paths, its arrows at time t, and the points themselves at t.' },
  { id: 'gradvar', title: 'Gradient variance & loss', anchor: 'panel-gradvar', singleRun: true,
    definition: 'How much the training gradient differs from batch to batch; near zero, every batch agrees because the net fits every line.' },
  { id: 'readouts', title: 'Memorization & generalization', anchor: 'panel-readouts', singleRun: true,
    definition: 'Memorization: training x0 that land on their own partner. Generalization: how close fresh x0 land to the target cloud.' },
  { id: 'compare', title: 'Compare two runs in lockstep', anchor: 'panel-compare',
    definition: 'The same pairs, start and batches trained twice; only the one setting you pick differs in run B.' },
  { id: 'tbins', title: 'Gradient variance by t', anchor: 'panel-tbins', singleRun: true,
    definition: 'The gradient variance of the latest step, split by the time t along the lines: where the fit is hardest.' },
  { id: 'sweep', title: 'σ sweep: memorization → generalization', anchor: 'panel-sweep',
    definition: 'One model trained per σ on the same pairs: how many partners come back, and how far the cloud is from the target.' },
  { id: 'reflow', title: 'ReFlow rounds', anchor: 'panel-reflow',
    definition: 'Each round retrains on the pairs the previous flow produced; rows show its cost, bending and partners kept.' },
  { id: 'crossing', title: 'Where lines cross: Var[u_t | x_t ≈ x, t]', anchor: 'panel-crossing',
    definition: 'How much the velocities of the training lines passing near each point disagree at time t; bright where lines cross.' },
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
