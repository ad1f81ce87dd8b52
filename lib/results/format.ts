// Number formatting shared by the results sentences and the dashboard, so both read the same.

export function percent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? "–" : `${(x * 100).toFixed(digits)}%`;
}

/** p-values the way papers print them: "p < 0.001" below a thousandth, else three significant digits. */
export function pValueText(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${Number(p.toPrecision(3))}`;
}

export function intervalText(interval: { low: number; high: number } | null): string {
  return interval === null ? "–" : `${percent(interval.low)}–${percent(interval.high)}`;
}
