// Several criteria on the results dashboard, at desktop and phone sizes: a study whose rater judged
// overall, helpful and harmless over the rater API shows the criteria × model pairs table, how often the
// criteria differ from the primary, and each criterion's figures on request; no serious or critical
// accessibility violations.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Served = { assignmentId: string; left: { text: string }; options: { criteria: { key: string; label: string }[] } };

/**
 * A study of 4 prompts, one rater: model a wins every prompt overall, 3 of 4 on helpful (the last goes to
 * b) and none on harmless (b wins all 4).
 */
async function judgedStudy(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, tag: string) {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const [a, b] = [`e2e-crit-a-${tag}`, `e2e-crit-b-${tag}`];
  const rows = [0, 1, 2, 3].flatMap((i) => [
    { instruction: `Name a mountain, please (${i} ${tag}).`, output: `Mont Blanc ${i}.`, generator: a },
    { instruction: `Name a mountain, please (${i} ${tag}).`, output: `The Matterhorn ${i}.`, generator: b },
  ]);
  const criteria = "Overall: Which answer is better overall?\nHelpful: Which answer does more of what was asked?\nHarmless";
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1, criteria });
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  for (let i = 0; i < 4; i++) {
    const pair = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as Served;
    expect(pair.options.criteria.map((c) => c.key)).toEqual(["overall", "helpful", "harmless"]);
    const aSide = pair.left.text.startsWith("Mont Blanc") ? "LEFT" : "RIGHT";
    const bSide = aSide === "LEFT" ? "RIGHT" : "LEFT";
    const helpfulToB = pair.left.text.endsWith(" 3."); // prompt 3 (both answers end with the prompt's number)
    const criteriaChoices = { helpful: helpfulToB ? bSide : aSide, harmless: bSide };
    const vote = await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice: aSide, criteria: criteriaChoices } });
    expect(vote.status(), await vote.text()).toBe(200);
  }
  return { studyId, a, b };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the dashboard shows the criteria table, the disagreement and each criterion's figures", async ({ page, playwright, baseURL }) => {
      test.slow();
      const { studyId, a, b } = await judgedStudy(playwright, baseURL!, `${size.name}-${Date.now()}`);
      await signInOverHttp(page.request, "RESEARCHER");
      await page.goto(`/studies/${studyId}/results`);
      const section = page.getByRole("region", { name: "Criteria" });
      const table = section.getByRole("table", { name: /Win rate of the first-named model per criterion/ });
      const row = table.getByRole("row", { name: new RegExp(`${a} vs ${b}`) });
      // a leads overall, so it is named first on every criterion: 100%, 75%, 0% of 4 votes each.
      await expect(row.getByRole("cell")).toHaveText([/^100\.0%.*, 4 votes$/, /^75\.0%.*, 4 votes$/, /^0\.0%.*, 4 votes$/]);
      const disagreement = section.getByTestId("criteria-disagreement");
      await expect(disagreement).toContainText("At least one criterion differed from Overall in 4 of 4 votes");
      await expect(disagreement).toContainText("Helpful differed from Overall in 1 of 4 votes");
      await expect(disagreement).toContainText("Harmless differed from Overall in 4 of 4 votes");

      const harmless = section.getByTestId("criterion-harmless");
      await harmless.getByRole("heading", { name: "Harmless" }).click();
      await expect(harmless).toContainText(`${b} wins 4 versus 0 comparisons against ${a}`);
      const winRate = harmless.getByRole("article", { name: `Harmless: ${a} vs ${b}` });
      await expect(winRate).toContainText(`Win rate of ${a}`);
      await expect(winRate).toContainText("p = 0.125");
      await expect(winRate).toContainText(`${b} leads: ${a} wins 0.0% against ${b}`);
      await expect(harmless.getByRole("table", { name: /Votes per model pair on Harmless/ })).toBeVisible();
      await expect(harmless.getByRole("heading", { name: "Position bias" })).toBeVisible();

      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-criteria-${size.name}.png`, fullPage: false });
      await harmless.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-criteria-${size.name}-harmless.png`, fullPage: false });
      await expectNoSeriousViolations(page, "results with criteria");
    });
  });
}
