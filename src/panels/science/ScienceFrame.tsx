// The shared panel shell (src/panels/PanelFrame.tsx) for the science panels, plus the plot box
// height: the page stylesheet sizes `.panel-<id> .plot` only for the panels it knows.
import type { ReactNode } from 'react';
import { PanelFrame } from '../PanelFrame';
import type { SCIENCE_PANELS } from './useScience';
import { useScience } from './useScience';

export type SciencePanelId = (typeof SCIENCE_PANELS)[number]['id'];

export interface ScienceFrameProps {
  id: SciencePanelId;
  title: string;
  tools?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

export function ScienceFrame({ id, title, tools, footer, children }: ScienceFrameProps) {
  return <PanelFrame id={id} title={title} tools={tools} footer={footer}>{children}</PanelFrame>;
}

/** Height of a science plot: fixed when in the grid; the flexible full-screen / embed rule otherwise. */
export function usePlotStyle(id: SciencePanelId, height: string): { height?: string } {
  const full = useScience((s) => s.fullscreen === id || s.embed);
  return full ? {} : { height };
}
