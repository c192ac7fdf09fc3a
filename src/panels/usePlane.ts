// The plane panels' shared frame as a hook: the same extent (from the training pairs),
// equal-aspect scales for the element's current size, and the x/y axes drawn from them. A panel
// whose picture the engine computes (quiver, variance map) reports its plane to the store.
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { setPlaneDomain } from '../state/actions';
import { appStore } from '../state/store';
import type { PanelId } from '../story/panelList';
import { useAppStore } from '../state/useAppStore';
import { drawAxisBottom, drawAxisLeft } from './axes';
import { PLANE_MARGIN, planeExtent, planeScales, type PlaneExtent, type PlaneScales } from './planeFrame';
import { useSize, type Size } from './useSize';

export interface Plane {
  size: Size;
  scales: PlaneScales;
  /** the `<g>` elements the bottom and left axes are drawn into */
  gx: RefObject<SVGGElement | null>;
  gy: RefObject<SVGGElement | null>;
}

/**
 * `frozen`: keep the extent while it is set (the pair drawing must not rescale under the pointer).
 * `reportAs`: the panel whose plane goes to the store (setPlaneDomain) for the field jobs.
 */
export function usePlane(box: RefObject<HTMLElement | null>, frozen = false, reportAs?: PanelId): Plane {
  const size = useSize(box);
  const pairs = useAppStore((s) => s.pairs);
  const kept = useRef<PlaneExtent | null>(null);
  const extent = useMemo(() => {
    if (frozen && kept.current) return kept.current;
    return (kept.current = planeExtent(pairs, appStore.getState().config));
  }, [pairs, frozen]);
  const scales = useMemo(() => planeScales(extent, size.width, size.height), [extent, size.width, size.height]);
  const { gx, gy } = usePlaneAxes(scales, size.height);
  useEffect(() => {
    if (reportAs && size.width > 0) setPlaneDomain(reportAs, scales.x.domain(), scales.y.domain());
  }, [reportAs, scales, size.width]);
  return { size, scales, gx, gy };
}

/** The `<g>` refs of a plane's bottom and left axes, redrawn from `scales` when they change. */
export function usePlaneAxes(scales: PlaneScales, height: number): Pick<Plane, 'gx' | 'gy'> {
  const gx = useRef<SVGGElement>(null);
  const gy = useRef<SVGGElement>(null);
  const { i18n } = useTranslation(); // tick labels are in the reader's locale
  useEffect(() => {
    drawAxisBottom(gx.current, scales.x, height - PLANE_MARGIN.bottom);
    drawAxisLeft(gy.current, scales.y, PLANE_MARGIN.left);
  }, [scales, height, i18n.language]);
  return { gx, gy };
}
