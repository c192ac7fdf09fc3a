// A panel plot's two layers: the canvas the data is drawn on and, over it, the SVG for axes, titles
// and marks (docs/design.md#a-panel-is-a-shell-plus-a-pure-draw), both the size of the measured box.
import type { CSSProperties, ReactNode, RefObject } from 'react';
import type { Size } from './useSize';

export interface PlotLayersProps {
  box: RefObject<HTMLDivElement | null>;
  canvas: RefObject<HTMLCanvasElement | null>;
  size: Size;
  canvasTestId: string;
  /** the SVG's accessible name: what the plot shows */
  label: string;
  style?: CSSProperties;
  children?: ReactNode;
}

export function PlotLayers({ box, canvas, size, canvasTestId, label, style, children }: PlotLayersProps) {
  return (
    <div className="plot" ref={box} style={style}>
      <canvas ref={canvas} data-testid={canvasTestId} />
      <svg width={size.width} height={size.height} role="img" aria-label={label}>
        {children}
      </svg>
    </div>
  );
}
