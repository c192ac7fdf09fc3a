// Pure drawing of the ReFlow history: one row of marks per measure against the round number —
// transport cost against the OT cost, straightness, and pair reproduction against chance.
import type { ScaleLinear } from 'd3';
import type { ReflowRound } from '../../engine/reflowRounds';
import { dotPath } from '../marks';

export interface ReflowColors {
  transport: string;
  pairs: string;
  ot: string;
  straightness: string;
  reproduction: string;
  weight: number;
}

/** One measure of the history: its value per round, and an optional reference line. */
export interface ReflowSeries {
  values: number[];
  color: string;
  dash?: number[];
}

/** A small chart of the history: x = round, several series on one y scale, reference lines dashed. */
export function drawReflowRow(ctx: CanvasRenderingContext2D, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, series: readonly ReflowSeries[], refs: readonly { value: number; color: string }[], weight: number): void {
  ctx.save();
  const [x0, x1] = x.range();
  for (const r of refs) {
    if (!Number.isFinite(r.value)) continue;
    ctx.strokeStyle = r.color;
    ctx.globalAlpha = 0.7;
    ctx.setLineDash([5, 4]);
    ctx.lineWidth = weight;
    ctx.beginPath();
    ctx.moveTo(x0, y(r.value));
    ctx.lineTo(x1, y(r.value));
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  for (const s of series) {
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 1.8 * weight;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    let pen = false;
    s.values.forEach((v, k) => {
      if (!Number.isFinite(v)) { pen = false; return; }
      if (pen) ctx.lineTo(x(k), y(v)); else ctx.moveTo(x(k), y(v));
      pen = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
    s.values.forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      ctx.beginPath();
      dotPath(ctx, x(k), y(v), 3.2 * weight);
      ctx.fill();
    });
  }
  ctx.restore();
}

/** The three rows of the panel, from the history. */
export function reflowRows(history: readonly ReflowRound[], c: ReflowColors) {
  const ot = history.find((r) => r.otCost !== null)?.otCost ?? NaN;
  return {
    cost: {
      series: [
        { values: history.map((r) => r.transportCost), color: c.transport },
        { values: history.map((r) => r.pairCost), color: c.pairs, dash: [2, 3] },
      ],
      refs: [{ value: ot, color: c.ot }],
      max: Math.max(1e-3, ot, ...history.flatMap((r) => [r.transportCost, r.pairCost]).filter(Number.isFinite)),
    },
    straightness: {
      series: [{ values: history.map((r) => r.straightness), color: c.straightness }],
      refs: [],
      max: Math.max(1e-3, ...history.map((r) => r.straightness).filter(Number.isFinite)),
    },
    reproduction: {
      series: [{ values: history.map((r) => r.reproduction), color: c.reproduction }],
      refs: [{ value: history[0]?.chance ?? NaN, color: c.reproduction }],
      max: 1,
    },
  };
}
