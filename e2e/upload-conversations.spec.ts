// An admin uploads conversations through the browser: MT-Bench answers before their questions are
// refused with the rows named, then the question file and one model's answers read as conversations.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";

const FIXTURES = path.resolve(process.cwd(), "lib/ingest/fixtures/mt-bench");

test("admin uploads MT-Bench questions and a model's answers: answers first are refused, then each reads as a 2-turn conversation", async ({ page }) => {
  await signInOverHttp(page.request, "ADMIN");
  await page.goto("/admin/uploads");
  const file = page.getByLabel("Model outputs file");
  await expect(page.getByText(/chat conversations \(JSONL with messages\), MT-Bench question\.jsonl and model answers/)).toBeVisible();

  await file.setInputFiles(path.join(FIXTURES, "model-a.jsonl"));
  await page.getByRole("button", { name: "Upload" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("row 1: question 81 is not uploaded; upload MT-Bench's question.jsonl first");
  await expect(alert).toContainText("row 3: question 83 is not uploaded");

  await file.setInputFiles(path.join(FIXTURES, "question.jsonl"));
  await page.getByRole("button", { name: "Upload" }).click();
  const summary = page.getByRole("region", { name: "Imported" });
  await expect(summary).toContainText("Conversations: 3 rows of 2 turns.");
  await expect(summary.getByText("Prompts new").locator("..").locator("dd")).toHaveText("3");

  await file.setInputFiles(path.join(FIXTURES, "model-b.jsonl"));
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(summary).toContainText("Model in this file: mtb-model-b.");
  await expect(summary.getByText("Prompts matched").locator("..").locator("dd")).toHaveText("3");
  // The self-disclosure sits in the first of two turns, and the table says so.
  await expect(summary.getByRole("row", { name: /as an ai language model/ })).toContainText("3, turn 1");
  await expectNoSeriousViolations(page, "upload summary of MT-Bench answers");
});
