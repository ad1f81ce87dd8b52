// A study of MT-Bench conversations set up through the new-study form (issue 21): two models' answers to
// two-turn questions uploaded, the turns judged one by one named in the form (its preview counting a pair
// per turn, a bad entry refused at the field), and the study page saying how conversations are judged.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1440, height: 900 } });

const jsonl = (rows: unknown[]) => Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n"));

test("an admin creates a study judging turns 1 and 2 of MT-Bench conversations", async ({ page }) => {
  await signInOverHttp(page.request, "ADMIN");
  const tag = randomBytes(3).toString("hex");
  const base = 5_000_000 + Math.floor(Math.random() * 1_000_000);
  const models = [`mtb-${tag}-left`, `mtb-${tag}-right`];
  const questions = [0, 1, 2].map((i) => ({ question_id: base + i, category: "writing", turns: [`Question ${i} of ${tag}?`, `Follow-up ${i}?`] }));
  const upload = async (name: string, rows: unknown[]) => {
    const response = await page.request.post("/api/uploads", { multipart: { file: { name, mimeType: "application/x-ndjson", buffer: jsonl(rows) } } });
    expect(response.status(), await response.text()).toBe(201);
  };
  await upload(`question-${tag}.jsonl`, questions);
  for (const model of models) {
    await upload(`${model}.jsonl`, questions.map((q, i) => ({
      question_id: q.question_id, answer_id: `${model}-${i}`, model_id: model, tstamp: 1,
      // The two models give the same first answer to question 0: its turn 1 has nothing to judge.
      choices: [{ index: 0, turns: [i === 0 ? "The same opening." : `${model} opens ${i}.`, `${model} follows up ${i}.`] }],
    })));
  }

  await page.goto("/admin/studies/new");
  await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
  await page.getByRole("searchbox", { name: "Search models" }).press("Enter");
  for (const m of models) await page.getByRole("checkbox", { name: new RegExp(`^${m} 3 outputs$`) }).check();
  await page.getByLabel("Study name").fill(`Turns ${tag}`);
  await expect(page.getByTestId("study-pairs")).toHaveText("The study will have 3 pairs.");

  const turns = page.getByRole("textbox", { name: /^Turns judged one by one/ });
  await turns.fill("0");
  await page.getByRole("button", { name: "Create study" }).click();
  await expect(page.locator("#judgedTurns-error")).toHaveText("Turns count from 1");
  await expect(turns).toHaveAttribute("aria-invalid", "true");

  await turns.fill("1, 2");
  await page.getByRole("checkbox", { name: "Show raters the system prompt" }).check();
  // Three prompts by two turns, less question 0's identical turn 1.
  await expect(page.getByTestId("study-pairs")).toHaveText("The study will have 5 pairs.");
  await expectNoSeriousViolations(page, "the new-study form with conversation turns");
  await page.getByRole("button", { name: "Create study" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Turns ${tag}` })).toBeVisible();
  await expect(page.getByText("Conversations judged").locator("..").locator("dd")).toHaveText("turn by turn: turns 1, 2; system prompt shown");
  await expectNoSeriousViolations(page, "the study page of a study judging turns");
});
