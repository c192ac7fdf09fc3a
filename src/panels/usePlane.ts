// The plane panels' shared frame as a hook: the same extent (from the training pairs) and
// equal-aspect scales for the element's current size.
import { useMemo, type RefObject } from 'react';
import { appStore } from '../state/store';
import { useAppStore } from '../state/useAppStore';
import { planeExtent, planeScales, type PlaneScales } from './planeFrame';
import { useSize, type Size } from './useSize';

export function usePlane(box: RefObject<HTMLElement | null>): { size: Size; scales: PlaneScales } {
  const size = useSize(box);
  const pairs = useAppStore((s) => s.pairs);
  const extent = useMemo(() => planeExtent(pairs, appStore.getState().config), [pairs]);
  const scales = useMemo(() => planeScales(extent, size.width, size.height), [extent, size.width, size.height]);
  return { size, scales };
}
