// Answer issues on the results dashboard, at desktop and phone sizes: a study whose raters marked issues
// over the rater API shows each model's marked rate and the paired comparison; no serious or critical
// accessibility violations.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Served = { assignmentId: string; left: { text: string }; options: { issues: { key: string; label: string }[] } };

/** A study of 4 prompts whose rater marks "Made-up facts" on every answer of model a, never on b's. */
async function markedStudy(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, tag: string) {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const [a, b] = [`e2e-issues-a-${tag}`, `e2e-issues-b-${tag}`];
  const rows = [0, 1, 2, 3].flatMap((i) => [
    { instruction: `Name a river, please (${i} ${tag}).`, output: `The Loire ${i}.`, generator: a },
    { instruction: `Name a river, please (${i} ${tag}).`, output: `The Rhine ${i}.`, generator: b },
  ]);
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1, issues: "Made-up facts\nRude tone" });
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  for (let i = 0; i < 4; i++) {
    const pair = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as Served;
    expect(pair.options.issues.map((x) => x.label)).toEqual(["Made-up facts", "Rude tone"]);
    const aOnLeft = pair.left.text.startsWith("The Loire");
    const issues = aOnLeft ? { left: ["made-up-facts"], right: [] } : { left: [], right: ["made-up-facts"] };
    const vote = await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice: "TIE", issues } });
    expect(vote.status(), await vote.text()).toBe(200);
  }
  return { studyId, a, b };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the dashboard shows each model's marked rate per issue and the paired test", async ({ page, playwright, baseURL }) => {
      test.slow();
      const { studyId, a, b } = await markedStudy(playwright, baseURL!, `${size.name}-${Date.now()}`);
      await signInOverHttp(page.request, "RESEARCHER");
      await page.goto(`/studies/${studyId}/results`);
      const section = page.getByRole("region", { name: "Answer issues (marked rates)" });
      await expect(section.getByRole("heading", { name: "Made-up facts" })).toBeVisible();
      const table = section.getByRole("table", { name: "Made-up facts: marked rate per model" });
      await expect(table.getByRole("row", { name: new RegExp(a) })).toContainText("100.0%");
      await expect(table.getByRole("row", { name: new RegExp(b) })).toContainText("0.0%");
      await expect(section).toContainText(/McNemar p = 0\.125/);
      await expect(section.getByRole("heading", { name: "Rude tone" })).toBeVisible();
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-issues-${size.name}.png`, fullPage: false });
      await expectNoSeriousViolations(page, "results with answer issues");
    });
  });
}
