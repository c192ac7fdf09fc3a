// The field slice: what the engine computed for the plane panels (src/state/fieldJobs.ts asks
// src/engine/fieldProbe.ts), and the plane each panel shows, which the panels report on resize.
import type { StateCreator } from 'zustand/vanilla';
import type { ConditionalVarianceGrid } from '../math/conditionalVariance';
import type { QuiverField } from '../engine/fieldProbe';
import type { PanelId } from '../story/panelList';
import type { Store } from './store';

/** The data square a plane panel shows (its scales' domains). */
export interface PlaneDomain {
  x: [number, number];
  y: [number, number];
}

export interface FieldSlice {
  /** the plane of each mounted plane panel, set by the panel (setPlaneDomain) */
  planeDomains: Partial<Record<PanelId, PlaneDomain>>;
  /** v_θ on a grid over the flow panel's plane at tScrub, from the latest weights; null when hidden or none fit */
  quiver: QuiverField | null;
  /** the quiver of compare runs A and B over the compare panel's plane at tScrub (empty when off) */
  compareQuivers: readonly (QuiverField | null)[];
  /** Var[u_t | x_t ≈ x, t] over the crossing panel's plane at crossing.t; null before the first answer */
  crossingMap: ConditionalVarianceGrid | null;
}

export function initialFieldState(): FieldSlice {
  return { planeDomains: {}, quiver: null, compareQuivers: [], crossingMap: null };
}

export const createFieldSlice: StateCreator<Store, [], [], FieldSlice> = () => initialFieldState();
