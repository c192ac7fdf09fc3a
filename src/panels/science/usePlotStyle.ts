// The plot box height of a science panel: the page stylesheet sizes `.panel-<id> .plot` only for
// the panels it knows, so these set a fixed height in the grid and leave full screen / embed flexible.
import type { PanelId } from '../../story/panelList';
import { useAppStore } from '../../state/useAppStore';

/** Height of a science plot: fixed when in the grid; the flexible full-screen / embed rule otherwise. */
export function usePlotStyle(id: PanelId, height: string): { height?: string } {
  const full = useAppStore((s) => s.fullscreen === id || s.embed);
  return full ? {} : { height };
}
