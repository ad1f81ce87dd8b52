// The capacity curve (p99 of /next and of the vote against the number of raters) as an SVG, and as a
// PNG through the Chromium that Playwright drives (no chart library, no network).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StepResult } from "./capacity-math";
import { chromiumPath } from "../lib/chromium";

const W = 720;
const H = 420;
const M = { left: 64, right: 24, top: 64, bottom: 56 };

/** Log-scale axis ticks (1, 2, 5 × 10^k) covering [lo, hi]. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** e;
      if (t >= lo && t <= hi) ticks.push(t);
    }
  }
  return ticks;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Both axes logarithmic: rater counts span 500–10,000 and latencies a few ms to seconds. */
export function capacitySvg(steps: readonly StepResult[], limitMs: number, title: string): string {
  const xs = steps.map((s) => s.raters);
  const ys = steps.flatMap((s) => [s.next.p99, s.vote.p99]).filter((y) => Number.isFinite(y) && y > 0);
  const [x0, x1] = [Math.min(...xs) / 1.3, Math.max(...xs) * 1.3];
  const [y0, y1] = [Math.min(1, ...ys), Math.max(limitMs * 3, ...ys) * 1.3];
  const px = (x: number) => M.left + ((Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0))) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((Math.log(Math.max(y, y0)) - Math.log(y0)) / (Math.log(y1) - Math.log(y0))) * (H - M.top - M.bottom);
  const grid = [
    ...logTicks(y0, y1).map((t) => `<line x1="${M.left}" x2="${W - M.right}" y1="${py(t)}" y2="${py(t)}" stroke="#e5e7eb"/>` +
      `<text x="${M.left - 6}" y="${py(t) + 4}" text-anchor="end">${t}</text>`),
    ...xs.map((x) => `<line x1="${px(x)}" x2="${px(x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e5e7eb"/>` +
      `<text x="${px(x)}" y="${H - M.bottom + 18}" text-anchor="middle">${x.toLocaleString("en")}</text>`),
  ];
  // The legend sits in the top margin, left to right, so it never covers a point.
  const series = (pick: (s: StepResult) => number, color: string, label: string, lx: number) => {
    const pts = steps.filter((s) => Number.isFinite(pick(s))).map((s) => `${px(s.raters)},${py(pick(s))}`);
    return `<polyline points="${pts.join(" ")}" fill="none" stroke="${color}" stroke-width="2.5"/>` +
      pts.map((p) => `<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="4" fill="${color}"/>`).join("") +
      `<line x1="${lx}" x2="${lx + 24}" y1="44" y2="44" stroke="${color}" stroke-width="2.5"/><text x="${lx + 30}" y="48">${label}</text>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12" fill="#111">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${M.left}" y="24" font-size="15" font-weight="bold">${esc(title)}</text>
${grid.join("\n")}
<line x1="${M.left}" x2="${W - M.right}" y1="${py(limitMs)}" y2="${py(limitMs)}" stroke="#dc2626" stroke-dasharray="6 4"/>
<text x="${M.left + 6}" y="${py(limitMs) - 6}" fill="#dc2626">p99 limit ${limitMs} ms</text>
${series((s) => s.next.p99, "#2563eb", "GET /next p99", M.left)}
${series((s) => s.vote.p99, "#16a34a", "POST /votes p99", M.left + 150)}
<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">raters (log scale)</text>
<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">ms from scheduled send (log scale)</text>
</svg>`;
}

/** Renders the SVG to a PNG file with headless Chromium (scripts/lib/chromium.ts). */
export async function writePng(svg: string, file: string): Promise<void> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } });
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    mkdirSync(path.dirname(file), { recursive: true });
    await page.locator("svg").screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
