// The words the page shows, in plain words: the help dialog's glossary lists them, so a definition
// is on screen on a touch screen or a projector too, not only on hover. Each entry's term (as the
// page writes it) and definition are story:glossary.<id>.term / .definition in the catalogues
// (docs/i18n.md#glossary fixes the field's terms per language).
export const GLOSSARY_IDS = [
  'pair', 'xt', 'sigma', 'paper', 'gradVar', 'loss', 'reproduction', 'w2', 'slicedW2', 'gaussianW2',
  'transportCost', 'curvature', 'crossingVar', 'tube', 'reflow', 'eulerSteps',
] as const;
