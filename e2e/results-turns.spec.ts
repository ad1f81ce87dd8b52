// A study that judges turn 1 and turn 2 of each conversation separately (issue 21), on the results
// dashboard at desktop and phone sizes: the turn switch (all turns, turn 1, turn 2) changes every figure
// below it, by click and by arrow key; no serious or critical accessibility violations; AlpacaEval's
// one-instruction export is neither offered nor served. A single-answer study is made a two-turn one in
// the database (quicker than uploading conversations; e2e/study-turns-form.spec.ts creates one the real way).
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Served = { assignmentId: string; left: { text: string } };

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each prompt a two-turn conversation (the answers' text is their second turn), its pair judging turn 1 and a new one turn 2. */
async function judgeTwoTurns(studyId: string) {
  await withDatabase(async (db) => {
    await db.query("BEGIN");
    await db.query(`UPDATE "Prompt" SET "userTurns" = ARRAY[instruction, 'And in one word?']
      WHERE id IN (SELECT "promptId" FROM "Pair" WHERE "studyId" = $1)`, [studyId]);
    await db.query(`UPDATE "Output" SET turns = ARRAY['First turn: ' || text, text]
      WHERE id IN (SELECT "outputAId" FROM "Pair" WHERE "studyId" = $1 UNION SELECT "outputBId" FROM "Pair" WHERE "studyId" = $1)`, [studyId]);
    await db.query(`UPDATE "Study" SET "judgedTurns" = '{1,2}' WHERE id = $1`, [studyId]);
    await db.query(`UPDATE "Pair" SET turn = 1 WHERE "studyId" = $1`, [studyId]);
    await db.query(`INSERT INTO "Pair" (id, "studyId", "promptId", "outputAId", "outputBId", turn)
      SELECT 'e2e-t2-' || md5(random()::text), "studyId", "promptId", "outputAId", "outputBId", 2 FROM "Pair" WHERE "studyId" = $1`, [studyId]);
    await db.query("COMMIT");
  });
}

const turnOf = (assignmentId: string) => withDatabase(async (db) => {
  const { rows } = await db.query<{ turn: number }>(`SELECT p.turn FROM "Assignment" a JOIN "Pair" p ON p.id = a."pairId" WHERE a.id = $1`, [assignmentId]);
  return rows[0]!.turn;
});

/** Two prompts, one rater: model a wins both on turn 1, model b both on turn 2. */
async function twoTurnStudy(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string, tag: string) {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const [a, b] = [`e2e-turn-a-${tag}`, `e2e-turn-b-${tag}`];
  const rows = [0, 1].flatMap((i) => [
    { instruction: `Name a river, please (${i} ${tag}).`, output: `The Danube ${i}.`, generator: a },
    { instruction: `Name a river, please (${i} ${tag}).`, output: `The Rhine ${i}.`, generator: b },
  ]);
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1 });
  await judgeTwoTurns(studyId);
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  for (let i = 0; i < 4; i++) {
    const pair = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as Served;
    const aSide = pair.left.text.includes("The Danube") ? "LEFT" : "RIGHT";
    const choice = (await turnOf(pair.assignmentId)) === 1 ? aSide : aSide === "LEFT" ? "RIGHT" : "LEFT";
    const vote = await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice } });
    expect(vote.status(), await vote.text()).toBe(200);
  }
  return { studyId, a, b };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("the turn switch shows all turns' figures, then each turn's", async ({ page, playwright, baseURL }) => {
      test.slow();
      const { studyId, a, b } = await twoTurnStudy(playwright, baseURL!, `${size.name}-${Date.now()}`);
      await signInOverHttp(page.request, "RESEARCHER");
      await page.goto(`/studies/${studyId}/results`);
      const turns = page.getByRole("region", { name: "Figures per turn" });
      const tabs = turns.getByRole("tablist", { name: "Turn" });
      await expect(tabs.getByRole("tab")).toHaveText(["All turns", "Turn 1", "Turn 2"]);
      await expect(tabs.getByRole("tab", { name: "All turns" })).toHaveAttribute("aria-selected", "true");
      const panel = page.getByRole("tabpanel", { name: "All turns" });
      const headline = () => page.getByRole("tabpanel").getByRole("region", { name: "Headline" });
      await expect(turns.getByTestId("turn-scope")).toContainText("All turns together: 4 votes");
      await expect(panel.getByRole("region", { name: "Headline" })).toContainText("Dead heat");
      await expect(headline()).toContainText("wins 2 versus 2 comparisons");

      await tabs.getByRole("tab", { name: "Turn 1" }).click();
      await expect(page.getByRole("tabpanel", { name: "Turn 1" })).toBeVisible();
      await expect(headline()).toContainText(`${a} wins 2 versus 0 comparisons against ${b}`);
      await expect(turns.getByTestId("turn-scope")).toContainText("Votes on assistant turn 1");
      await turns.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-turns-${size.name}.png`, fullPage: false });

      // Arrow keys move between the turns, as in any tab list.
      await page.keyboard.press("ArrowRight");
      const second = tabs.getByRole("tab", { name: "Turn 2" });
      await expect(second).toBeFocused();
      await expect(second).toHaveAttribute("aria-selected", "true");
      await expect(headline()).toContainText(`${b} wins 2 versus 0 comparisons against ${a}`);
      // Read in all turns' order (a dead heat there: the pairs' own order), so b is first or says it leads.
      await expect(page.getByRole("tabpanel").getByRole("region", { name: "Win rate" }))
        .toContainText(new RegExp(`${b} (leads: ${a} wins 0\\.0% against ${b}|wins 100\\.0% against ${a})`));
      await page.getByRole("tabpanel").getByRole("region", { name: "Win rate" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-turns-${size.name}-turn-2.png`, fullPage: false });
      await expectNoSeriousViolations(page, "results per turn");

      // The prompt list marks each pair's turn.
      await expect(page.getByRole("button", { name: /^Open prompt \(turn 2\):/ })).toHaveCount(2);

      // AlpacaEval holds one instruction and two answers: not offered for conversations, refused if asked.
      const exports = page.getByRole("region", { name: "Export" });
      await expect(exports.getByRole("link", { name: /^Download Arena battles/ })).toBeVisible();
      await expect(exports.getByRole("link", { name: /^Download AlpacaEval/ })).toHaveCount(0);
      const alpaca = await page.request.get(`/api/studies/${studyId}/export?format=alpaca_eval`);
      expect(alpaca.status()).toBe(400);
      expect(((await alpaca.json()) as { error: { code: string } }).error.code).toBe("format_not_for_conversations");
    });
  });
}
