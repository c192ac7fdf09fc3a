// The two runs' colours in the compare panel: CSS custom properties, so the themes restyle them
// (the canvas reads the resolved value through getComputedStyle).
export const RUN_COLOURS = ['var(--c-run-a)', 'var(--c-run-b)'] as const;

/** The resolved colours of runs A and B under `el`'s theme. */
export function readRunColours(el: Element): [string, string] {
  const style = getComputedStyle(el);
  return [style.getPropertyValue('--c-run-a').trim() || '#1f77b4', style.getPropertyValue('--c-run-b').trim() || '#d62728'];
}
