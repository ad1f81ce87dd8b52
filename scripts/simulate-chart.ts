// The adaptive-votes saving as a bar chart (votes until the study's verdicts are decided, log scale),
// drawn as SVG and rendered to PNG with the capacity chart's Chromium helper.
import { logTicks } from "./bench/capacity-chart";

// Wide enough for seven groups of three bars with their labels side by side.
const W = 900;
const H = 420;
const M = { left: 64, right: 16, top: 64, bottom: 72 };

export interface BarGroup {
  label: string;
  bars: { series: string; value: number }[];
}

export const SERIES_COLORS: Record<string, string> = { uniform: "#9ca3af", "Arena's rule": "#93c5fd", adaptive: "#2563eb" };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function savingSvg(groups: readonly BarGroup[], title: string): string {
  const values = groups.flatMap((g) => g.bars.map((b) => b.value));
  const [y0, y1] = [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
  const py = (y: number) => H - M.bottom - ((Math.log(y) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (H - M.top - M.bottom);
  const slot = (W - M.left - M.right) / groups.length;
  const grid = logTicks(y0, y1).map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e7eb"/>` +
    `<text x="${M.left - 6}" y="${py(t) + 4}" text-anchor="end">${t.toLocaleString("en")}</text>`);
  const bars = groups.flatMap((g, gi) => {
    const bw = (slot * 0.7) / g.bars.length;
    const x0 = M.left + gi * slot + slot * 0.15;
    return [
      ...g.bars.map((b, bi) => `<rect x="${x0 + bi * bw}" y="${py(b.value)}" width="${bw - 2}" height="${H - M.bottom - py(b.value)}" fill="${SERIES_COLORS[b.series] ?? "#111"}"/>` +
        `<text x="${x0 + bi * bw + bw / 2 - 1}" y="${py(b.value) - 4}" text-anchor="middle" font-size="8">${Math.round(b.value).toLocaleString("en")}</text>`),
      ...esc(g.label).split("\n").map((line, li) => `<text x="${M.left + gi * slot + slot / 2}" y="${H - M.bottom + 18 + 14 * li}" text-anchor="middle">${line}</text>`),
    ];
  });
  const legend = Object.entries(SERIES_COLORS).map(([name, color], i) =>
    `<rect x="${M.left + i * 150}" y="36" width="14" height="14" fill="${color}"/><text x="${M.left + i * 150 + 20}" y="47">${esc(name)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12" fill="#111">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>
${legend.join("\n")}
${grid.join("\n")}
${bars.join("\n")}
<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">mean votes until decided (log scale)</text>
</svg>`;
}
