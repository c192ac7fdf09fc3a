// The vertical marks on the curve plots: a step where a setting changed ("σ 0 → 0.3") and a step
// where a further segment of the run began ("+800 steps", src/state/runGoal.ts). Their labels sit
// in the band between the two charts, where no curve is drawn, each clear of the one before it.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/format';
import { t } from '../i18n/i18n';
import type { ChangeMarker } from '../state/runSlice';
import { markerText } from './markerText';
import type { CurveLayout, CurveScales } from './curveScales';

export interface RunMarkersProps {
  scales: CurveScales;
  layout: CurveLayout;
  /** plot right edge in pixels: marks past it are not drawn */
  right: number;
  markers: readonly ChangeMarker[];
  segments: readonly number[];
  /** the segment length (config.steps) for the "+N steps" label */
  segmentSteps: number;
}

/** Width of a label in pixels, as read at the plot's font size (~0.6 em a character). */
const CHAR_PX = 7.5;

interface Mark { step: number; label: string; testId: string }

/** One mark per step: a segment start and the changes made at that step share one line and one label. */
export function runMarks(markers: readonly ChangeMarker[], segments: readonly number[], segmentSteps: number): Mark[] {
  const byStep = new Map<number, Mark>();
  for (const step of segments) byStep.set(step, { step, label: t('panels:markers.segment', { steps: formatCount(segmentSteps) }), testId: 'segment-marker' });
  for (const m of markers) {
    const at = byStep.get(m.step);
    const label = markerText(m);
    byStep.set(m.step, at ? { step: m.step, label: `${label}, ${at.label}`, testId: 'change-marker' } : { step: m.step, label, testId: 'change-marker' });
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

export function RunMarkers({ scales, layout, right, markers, segments, segmentSteps }: RunMarkersProps) {
  useTranslation(); // the labels follow the language
  const marks = runMarks(markers, segments, segmentSteps);
  const left = scales.x.range()[0];
  const labelY = layout.top[1] + 14;
  let freeFrom = -Infinity; // the first pixel after the previous label
  return (
    <>
      {marks.map((m) => {
        const x = scales.x(m.step);
        if (!(x >= left && x <= right)) return null;
        const width = m.label.length * CHAR_PX;
        // right of the line when it fits in the plot and clears the previous label, else left of it
        const after = x + 3 + width <= right && x + 3 >= freeFrom;
        const start = after ? x + 3 : Math.max(freeFrom, x - 3 - width);
        freeFrom = start + width + 6;
        return (
          <g key={m.step} className="marker" data-testid={m.testId} data-step={m.step}>
            <line x1={x} x2={x} y1={layout.top[0]} y2={layout.bottom[1]} />
            <text x={start} y={labelY}>{m.label}</text>
          </g>
        );
      })}
    </>
  );
}
