// The learned-flow plot's markup, shared by the flow panel and the compare view: the canvas the
// paths are drawn on, the SVG axes over it and the "evaluated at step" note (the paths are
// integrated at evaluation time, not every step, so the plot says which step it shows).
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/format';
import { PLANE_MARGIN } from './planeFrame';
import type { Size } from './useSize';
import { PlotLayers } from './PlotLayers';

export interface FlowPlotProps {
  box: RefObject<HTMLDivElement | null>;
  canvas: RefObject<HTMLCanvasElement | null>;
  gx: RefObject<SVGGElement | null>;
  gy: RefObject<SVGGElement | null>;
  size: Size;
  /** the step of the evaluation drawn, null while the first one is integrating */
  evalStep: number | null;
  canvasTestId: string;
  label: string;
  /** drawn over the axes (e.g. the story's mark) */
  children?: ReactNode;
}

export function FlowPlot({ box, canvas, gx, gy, size, evalStep, canvasTestId, label, children }: FlowPlotProps) {
  const { t } = useTranslation();
  return (
    <PlotLayers box={box} canvas={canvas} size={size} canvasTestId={canvasTestId}
      label={label}>
      <g ref={gx} className="axis" />
      <g ref={gy} className="axis" />
      <text className="plot-note" x={size.width - PLANE_MARGIN.right - 4} y={PLANE_MARGIN.top + 14} textAnchor="end">
        {evalStep === null ? t('panels:plot.integrating') : t('panels:plot.evaluatedAt', { step: formatCount(evalStep) })}
      </text>
      {children}
    </PlotLayers>
  );
}
