/**
 * The geometry of a horizontal bar chart, computed at build time: one row per category, its label above its
 * bar, the count at the bar's end. Pure, so it is unit-tested without rendering.
 */
export interface Bar {
  label: string;
  count: number;
  href?: string | undefined;
}

export interface BarLayout {
  width: number;
  height: number;
  rows: { label: string; count: number; href?: string | undefined; y: number; labelY: number; barWidth: number; countX: number }[];
}

/** Width of the drawing in SVG units; the SVG scales to its box. Labels longer than fit are cut with “…”. */
export const CHART = { width: 360, row: 46, bar: 14, labelSize: 16, maxLabel: 21, countRoom: 40 } as const;

export function shortLabel(label: string, max: number = CHART.maxLabel): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

export function barLayout(bars: readonly Bar[]): BarLayout {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const room = CHART.width - CHART.countRoom;
  return {
    width: CHART.width,
    height: bars.length * CHART.row + 4,
    rows: bars.map((b, i) => {
      const y = i * CHART.row;
      // Every bar at least 2 units wide, so a count of 1 among hundreds is still visible.
      const barWidth = Math.max(2, Math.round((b.count / max) * room));
      return { label: shortLabel(b.label), count: b.count, href: b.href, y: y + CHART.labelSize + 8, labelY: y + CHART.labelSize + 2, barWidth, countX: barWidth + 6 };
    }),
  };
}
