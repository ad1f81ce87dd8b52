// The results dashboard at a glance, at desktop (1440×900) and phone (390×844) sizes: the headline,
// header, table and legend name the leading model first; on a phone every chart uses the width and no
// table cell is cut off without a way to see it; no serious or critical accessibility violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Comparison = { modelA: string; modelB: string; headline: string; tally: { winsA: number; winsB: number }; winRate: { estimate: number } };

async function openDemoResults(page: Page): Promise<Comparison> {
  await signInOverHttp(page.request, "RESEARCHER");
  const { studies } = (await (await page.request.get("/api/studies")).json()) as { studies: { id: string; isDemo: boolean }[] };
  const demo = studies.find((s) => s.isDemo)!;
  const results = (await (await page.request.get(`/api/studies/${demo.id}/results`)).json()) as { comparisons: Comparison[] };
  await page.goto(`/studies/${demo.id}/results`);
  await expect(page.getByRole("heading", { level: 2, name: "Headline" })).toBeVisible();
  return results.comparisons[0]!;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the headline, header, tally table and outcome legend name the leading model first", async ({ page }) => {
      const c = await openDemoResults(page);
      // The demo's simulated raters prefer hare-13b (29 to 21): it leads, though most pairs show tortoise as output A.
      expect(c.tally.winsA).toBeGreaterThan(c.tally.winsB);
      expect([c.modelA, c.modelB]).toEqual(["hare-13b (demo)", "tortoise-7b (demo)"]);
      const headline = page.getByRole("region", { name: "Headline" });
      await expect(headline.getByText(/ wins \d+ versus \d+ comparisons against /).first()).toHaveText(
        new RegExp(`^hare-13b \\(demo\\) wins ${c.tally.winsA} versus ${c.tally.winsB} comparisons against tortoise-7b \\(demo\\)`),
      );
      await expect(page.getByText(/^Models: /)).toHaveText("Models: hare-13b (demo) vs tortoise-7b (demo)");
      await expect(headline.getByRole("rowheader").first()).toHaveText(/^hare-13b \(demo\)\s*vs\s*tortoise-7b \(demo\)$/);
      const legend = page.getByRole("figure", { name: "Outcomes per model pair" }).getByRole("list", { name: "Legend" }).getByRole("listitem");
      await expect(legend).toHaveText(["hare-13b (demo) wins", "Ties", "Both bad", "tortoise-7b (demo) wins"]);
      await expect(page.getByRole("region", { name: "Win rate" })).toContainText(/Verdict: hare-13b \(demo\) wins \d+\.\d% against tortoise-7b \(demo\)/);
      // The win rate at equal length beside the raw one, which is the verdict's.
      const lengthControlled = page.getByRole("region", { name: "Win rate" }).getByTestId("length-controlled");
      const raw = `${(c.winRate.estimate * 100).toFixed(1)}%`.replace(".", "\\.");
      await expect(lengthControlled).toContainText(
        new RegExp(`^Length-controlled: Controlled for answer length, hare-13b \\(demo\\)'s win rate is \\d+\\.\\d% \\(95% CI \\d+\\.\\d%–\\d+\\.\\d%\\) against ${raw} raw; length `),
      );
      await expect(lengthControlled).toContainText("AlpacaEval's instruction-difficulty term is left out");
    });

    test("no serious or critical accessibility violations on the study list and the results page", async ({ page }) => {
      // axe walks the whole results page (every chart, table and prompt card): 20–30 s here, at the default limit.
      test.slow();
      await signInOverHttp(page.request, "RESEARCHER");
      await page.goto("/studies");
      await expect(page.getByRole("link", { name: "Demo study: everyday instructions" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await openDemoResults(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe("phone layout", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("charts use the width, no table cell is cut off without an affordance, prompt rows are compact", async ({ page }) => {
    await openDemoResults(page);
    const width = 390;
    // Every chart's drawing is at least half the screen wide.
    const charts = page.locator("figure svg.recharts-surface");
    await expect(charts.first()).toBeVisible();
    for (const box of await charts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width))) expect(box).toBeGreaterThanOrEqual(width / 2);
    // The page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // A cell past the right edge of the screen or of a clipping box must sit in a region that says it scrolls.
    const cut = await page.locator("main td, main th").evaluateAll((cells, w) =>
      cells.flatMap((cell) => {
        const right = cell.getBoundingClientRect().right;
        let box: Element | null = cell.parentElement;
        while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
        // Inside a visually hidden box (the header row kept for screen readers on phones): not on screen at all.
        if (box && box.getBoundingClientRect().width <= 1) return [];
        const limit = Math.min(w, box ? box.getBoundingClientRect().right : w);
        const labelled = cell.closest('[role="region"][aria-label*="scrolls"]');
        return right > limit + 1 && !labelled ? [`${cell.textContent?.slice(0, 40)} (right ${Math.round(right)} > ${Math.round(limit)})`] : [];
      }), width);
    expect(cut).toEqual([]);
    // Prompt rows: a two-line instruction, the votes and the majority, not a tall column of wrapped text.
    const rows = page.getByRole("region", { name: "Prompts" }).getByRole("row");
    const heights = await rows.evaluateAll((els) => els.filter((e) => e.closest("tbody")).map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.max(...heights)).toBeLessThanOrEqual(150);
  });
});

test("the prompt detail renders the answers as the raters saw them (Markdown, not its source)", async ({ page }) => {
  await openDemoResults(page);
  await page.getByRole("region", { name: "Prompts" }).getByRole("button", { name: /^Open prompt:/ }).first().click();
  // hare-13b's demo answers are a Markdown list: three list items, no "- " bullets as text.
  const hare = page.getByRole("article", { name: /: hare-13b \(demo\)$/ });
  await expect(hare.getByRole("listitem")).toHaveCount(3);
  const text = await hare.evaluate((e) => (e as HTMLElement).innerText);
  expect(text).not.toMatch(/^\s*- /m);
});

// Screenshots for docs/screenshots: only when asked (SCREENSHOT_DIR=docs/screenshots npm run test:e2e -- e2e/results-layout.spec.ts).
for (const size of SIZES) {
  test(`screenshot of the results page, ${size.name}`, async ({ page }) => {
    test.skip(!process.env.SCREENSHOT_DIR, "SCREENSHOT_DIR not set");
    await page.setViewportSize(size.viewport);
    await openDemoResults(page);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/results-${size.name}.png`, fullPage: true });
  });
}
