// A study with adaptive votes and a vote budget on the dashboard and the admin study page (issue 22): the
// rater's vote spends the budget, the study stops (evaluated after the vote's reply), and both pages say
// when and why; the dashboard shows the anytime-valid interval beside the win rate and labels the
// fixed-sample figures. At desktop and phone sizes, with no serious or critical accessibility violations.
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const SHOTS = "/tmp/dash22-shots";

async function setStudy(studyId: string, sql: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "Study" SET ${sql} WHERE id = $1`, [studyId]);
  } finally {
    await client.end();
  }
}

type Served = { assignmentId: string; left: { text: string } };

/** Three prompts, adaptive votes, a budget of one vote: the rater's first vote (for model a) spends it. */
async function budgetStudy(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, tag: string) {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const [a, b] = [`e2e-stop-a-${tag}`, `e2e-stop-b-${tag}`];
  const rows = [0, 1, 2].flatMap((i) => [
    { instruction: `Name a lake, please (${i} ${tag}).`, output: `Lake Geneva ${i}.`, generator: a },
    { instruction: `Name a lake, please (${i} ${tag}).`, output: `Lake Constance ${i}.`, generator: b },
  ]);
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1 });
  // The study form's fields for these belong to another change: set them as it would.
  await setStudy(studyId, `"adaptiveVotes" = true, "voteBudget" = 1`);
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  const pair = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as Served;
  const choice = pair.left.text.startsWith("Lake Geneva") ? "LEFT" : "RIGHT";
  const vote = await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice } });
  expect(vote.status(), await vote.text()).toBe(200);
  // The rule runs after the vote's reply: wait for the stop as the researcher would, by asking the results.
  await expect.poll(async () => {
    const results = (await (await admin.get(`/api/studies/${studyId}/results`)).json()) as { sequential?: { stop: { reason: string } | null } };
    return results.sequential?.stop?.reason ?? null;
  }).toBe("BUDGET");
  return { studyId, a, b };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the dashboard and the admin page say the study stopped on its vote budget, with the anytime interval", async ({ page, playwright, baseURL }) => {
      test.slow();
      const { studyId, a, b } = await budgetStudy(playwright, baseURL!, `${size.name}-${Date.now()}`);
      await signInOverHttp(page.request, "ADMIN");
      await page.goto(`/studies/${studyId}/results`);
      const status = page.getByRole("status", { name: "Stopping rule" });
      await expect(status).toContainText(/Stopped \d{4}-\d\d-\d\d \d\d:\d\d UTC: vote budget of 1 spent\./);
      await expect(status).toContainText("Not valid after a data-dependent stop");
      // One vote per pair: every prompt has the same weight, so no note on vote-level weighting.
      await expect(status).not.toContainText("weigh more");
      const article = page.getByRole("article", { name: `${a} vs ${b}` });
      // One vote per pair: the voted pair is closed; it is read when it comes first in the fixed order.
      await expect(article.getByTestId("anytime-interval")).toHaveText(
        /^Anytime-valid 95% interval \(valid at any stop\): \[0\.0%, 100\.0%\] over [01] prompts? \(not yet decided\); [23] more prompts not yet read/,
      );
      await expect(article).toContainText("Fixed-sample verdict (not valid after a data-dependent stop):");
      await expect(page.getByRole("region", { name: "Votes needed" })).toContainText("Not shown");
      await article.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/results-stopping-${size.name}.png`, fullPage: false });
      await expectNoSeriousViolations(page, `results of a stopped study (${size.name})`);

      await page.goto(`/admin/studies/${studyId}`);
      await expect(page.getByRole("status", { name: "Stopping rule" })).toContainText("vote budget of 1 spent");
      await expect(page.getByText("Stopped serving pairs: vote budget of 1 spent")).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/admin-stopping-${size.name}.png`, fullPage: false });
      await expectNoSeriousViolations(page, `admin page of a stopped study (${size.name})`);
    });
  });
}
