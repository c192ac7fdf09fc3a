// The SVG axes and chart titles of the two-chart curve plot (see curveScales.ts); drawn inside the
// plot's <svg>, above the canvas the curves are drawn on.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { drawAxisBottom, drawAxisLeft, logTick } from './axes';
import { CURVE_MARGIN, type CurveLayout, type CurveScales } from './curveScales';

export function CurveAxes({ scales, layout }: { scales: CurveScales; layout: CurveLayout }) {
  const gx = useRef<SVGGElement>(null);
  const gyTop = useRef<SVGGElement>(null);
  const gyBottom = useRef<SVGGElement>(null);
  const { t, i18n } = useTranslation();
  useEffect(() => {
    drawAxisBottom(gx.current, scales.x, layout.bottom[1], 6);
    drawAxisLeft(gyTop.current, scales.yTop, CURVE_MARGIN.left, 4, logTick);
    drawAxisLeft(gyBottom.current, scales.yBottom, CURVE_MARGIN.left, 3, logTick);
  }, [scales, layout, i18n.language]);
  return (
    <>
      <g ref={gx} className="axis" />
      <g ref={gyTop} className="axis" />
      <g ref={gyBottom} className="axis" />
      <text className="chart-title gradvar" x={CURVE_MARGIN.left + 4} y={layout.top[0] - 6}>{t('panels:curves.gradvar')}</text>
      <text className="chart-title loss" x={CURVE_MARGIN.left + 4} y={layout.bottom[0] - 6}>{t('panels:curves.loss')}</text>
    </>
  );
}
