// An external panel (issue 21) attached through the results dashboard, at desktop and phone sizes: a study
// whose rater voted model a on both prompts gets MT-Bench-style human judgments (two experts per prompt,
// one row on a model it does not compare); the section shows the agreement and the unmatched row; no
// serious or critical accessibility violations.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

type Served = { assignmentId: string; left: { text: string } };
type NewContext = { request: { newContext: (o: object) => Promise<APIRequestContext> } };

async function votedStudy(playwright: NewContext, baseURL: string, tag: string) {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const [a, b] = [`e2e-panel-a-${tag}`, `e2e-panel-b-${tag}`];
  const prompts = [0, 1].map((i) => `Name a river, please (${i} ${tag}).`);
  const rows = prompts.flatMap((p, i) => [{ instruction: p, output: `The Danube ${i}.`, generator: a }, { instruction: p, output: `The Rhine ${i}.`, generator: b }]);
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1 });
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  for (let i = 0; i < 2; i++) {
    const pair = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as Served;
    const aSide = pair.left.text.startsWith("The Danube") ? "LEFT" : "RIGHT";
    expect((await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice: aSide } })).status()).toBe(200);
  }
  const conversation = (prompt: string, answer: string) => [{ role: "user", content: prompt }, { role: "assistant", content: answer }];
  const judgment = (i: number, winner: string, judge: string, modelB = b) => ({
    question_id: 9000 + i, model_a: a, model_b: modelB, winner, judge, turn: 1,
    conversation_a: conversation(prompts[i]!, `The Danube ${i}.`), conversation_b: conversation(prompts[i]!, `The Rhine ${i}.`),
  });
  const panel = [
    judgment(0, "model_a", "expert_0"), judgment(0, "model_b", "expert_1"),
    judgment(1, "model_a", "expert_0"), judgment(1, "model_a", "expert_1"),
    judgment(1, "tie", "expert_2", `e2e-panel-other-${tag}`),
  ];
  return { studyId, file: Buffer.from(JSON.stringify(panel)) };
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport });

    test("a researcher attaches human judgments and reads the agreement with the panel", async ({ page, playwright, baseURL }) => {
      test.slow();
      const { studyId, file } = await votedStudy(playwright, baseURL!, `${size.name}-${Date.now()}`);
      await signInOverHttp(page.request, "RESEARCHER");
      await page.goto(`/studies/${studyId}/results`);
      const section = page.getByRole("region", { name: "External panel" });
      await expect(section).toContainText("No panel attached yet.");
      await section.getByLabel(/Human judgments/).setInputFiles({ name: "human_judgments.json", mimeType: "application/json", buffer: file });
      await section.getByRole("button", { name: "Attach panel" }).click();
      await expect(section.getByRole("status")).toHaveText("Attached MT-Bench human judgments: 4 votes on this study's pairs; 1 row matched no pair.");
      await expect(section).toContainText("4 votes by 2 judges from 5 rows. 1 row matched no pair of this study (0 question, 1 model pair, 0 turn).");
      const table = section.getByRole("table", { name: "Agreement with MT-Bench human judgments per turn" });
      // The rater chose a on both prompts: against the panel (a, b) and (a, a), 3 of 4 agree; the panel with itself 1 of 2.
      const row = table.getByRole("row", { name: /Whole conversation/ });
      await expect(row.getByRole("cell")).toHaveText(["2", "4 / 2", /^75\.0% \(3\/4\) w\/ tie\s*75\.0% \(3\/4\) w\/o tie$/, /^50\.0% \(1\/2\) w\/ tie/, /^– w\/ tie\s*– w\/o tie$/]);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/results-panel-${size.name}.png`, fullPage: false });
      await expectNoSeriousViolations(page, "results with an external panel");
    });
  });
}
