/**
 * A pledge's bullet chart, drawn the same wherever it appears (the ledger, a report body's
 * <Pledge>): the result bar, the target mark and, for a progress report, the pace mark, on a
 * scale that holds all three; and the same in words, its text alternative.
 */
import { interpolateRound, scaleLinear } from 'd3';
import type { Pledge, PledgeMetric } from '../model/pledge-status.ts';
import { formatMetric, formatPercent } from './format.ts';

export const BULLET = { width: 160, height: 22 } as const;

/** Where the bar ends and the marks stand, in the chart's units (null: not drawn). */
function bulletGeometry(p: Pledge<PledgeMetric>, width: number = BULLET.width): { target: number | null; result: number | null; pace: number | null } {
  if (!p.target && p.completion !== null) {
    // Only a result and its rate: the bar is the rate, the mark the target's 100%.
    const x = scaleLinear()
      .interpolate(interpolateRound)
      .domain([0, Math.max(100, Math.min(p.completion, 400)) * 1.1])
      .range([0, width]);
    return { target: x(100), result: x(Math.min(p.completion, 400)), pace: null };
  }
  const values = [p.target?.value ?? 0, p.result && p.target && p.result.unit === p.target.unit ? p.result.value : 0, p.pace?.expected ?? 0];
  const x = scaleLinear()
    .interpolate(interpolateRound)
    .domain([0, Math.max(1, ...values) * 1.1])
    .range([0, width]);
  const sameUnit = p.target && p.result && p.target.unit === p.result.unit;
  return {
    target: p.target ? x(p.target.value) : null,
    result: sameUnit ? x(p.result!.value) : p.completion !== null && p.target ? x((p.target.value * Math.min(p.completion, 200)) / 100) : null,
    pace: p.pace ? x(p.pace.expected) : null,
  };
}

/** One mark of the bullet chart, as the ledger and a body's <Pledge> both draw it. */
export interface BulletMark {
  tag: 'rect' | 'path';
  className: string;
  attrs: Record<string, number | string>;
}

/**
 * The marks of a pledge's bullet chart: the result bar and the target and pace marks. The track
 * is the chart's CSS background, and the chart is hidden from assistive technology: beside it
 * the same figures are always in words (the ledger's cells, the card's line), read once.
 */
export function bulletMarks(p: Pledge<PledgeMetric>): BulletMark[] {
  const g = bulletGeometry(p);
  const { height } = BULLET;
  const marks: BulletMark[] = [];
  if (g.result !== null) marks.push({ tag: 'rect', className: 'result', attrs: { y: 6, width: Math.max(1, g.result), height: 10 } });
  if (g.target !== null) marks.push({ tag: 'path', className: 'target-mark', attrs: { d: `M${g.target} 1v${height - 2}` } });
  if (g.pace !== null) marks.push({ tag: 'path', className: 'pace-mark', attrs: { d: `M${g.pace} 3v${height - 6}` } });
  return marks;
}

/** The bullet chart's viewBox; its size on the page is set by the stylesheet. */
export const BULLET_VIEWBOX = `0 0 ${BULLET.width} ${BULLET.height}`;

/** The chart in words: target, result, completion, pace and status. */
export function bulletWords(p: Pledge<PledgeMetric>): string {
  return [
    p.target && `目标${formatMetric(p.target)}`,
    p.result && `完成${formatMetric(p.result)}`,
    p.completion !== null && `完成率${formatPercent(p.completion)}`,
    p.pace && `序时进度${formatMetric({ ...p.target!, value: Math.round(p.pace.expected) })}(${p.pace.verdict})`,
    p.status,
  ]
    .filter(Boolean)
    .join(',');
}
