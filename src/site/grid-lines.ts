/**
 * A chart's vertical grid lines as one SVG path (M83 18V626M166 18V626…): one element for all
 * the ticks instead of a line each, which weighs on every chart of every page.
 */
export function gridLines(xs: number[], top: number, bottom: number): string {
  return xs.map((x) => `M${x} ${top}V${bottom}`).join('');
}
