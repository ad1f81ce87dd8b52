// An admin sets up the Alpaca evaluation through the browser: upload both AlpacaEval files,
// create a two-model study, open it.
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";

const DATA = path.resolve(process.cwd(), "../shared/data");
const ALPACA = path.join(DATA, "alpaca_eval.alpaca-7b.model_outputs.json");
const DAVINCI = path.join(DATA, "alpaca_eval.text_davinci_003.model_outputs.json");

test.describe("upload and study creation with the real AlpacaEval files", () => {
  test.skip(!existsSync(DATA), "skipped: ../shared/data (real model outputs) is absent");

  test("admin uploads both models, creates a study of 789 pairs (14 identical and 2 empty answer pairs left out) and opens it", async ({ page }) => {
    test.setTimeout(120_000);
    await signInOverHttp(page.request, "ADMIN");
    await page.goto("/admin/uploads");

    await page.getByLabel("Model outputs file").setInputFiles(ALPACA);
    await page.getByRole("button", { name: "Upload" }).click();
    const summary = page.getByRole("region", { name: "Imported" });
    await expect(summary).toBeVisible({ timeout: 60_000 });
    await expect(summary.getByText("Rows read")).toBeVisible();
    await expect(summary.locator("dd").first()).toHaveText("805");

    // text_davinci_003 has two empty answers: refused with the rows named, then accepted when allowed.
    await page.getByLabel("Model outputs file").setInputFiles(DAVINCI);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("row 248: output is empty");
    await page.getByLabel("Accept empty outputs").check();
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(summary).toBeVisible({ timeout: 60_000 });
    await expect(summary.getByText("Prompts matched").locator("..").locator("dd")).toHaveText("805");

    // The summary names the file's model and leads on to a study with it preselected.
    await expect(summary).toContainText("Model in this file: text_davinci_003.");
    await expect(summary.getByRole("row", { name: /alpaca-7b/ })).toContainText("805");
    await summary.getByRole("link", { name: "Create a study with it" }).click();
    await expect(page.getByRole("checkbox", { name: /^text_davinci_003 / })).toBeChecked();
    await page.getByLabel("Study name").fill("Alpaca 7B vs text-davinci-003");
    await page.getByRole("checkbox", { name: /^alpaca-7b / }).check();
    await expect(page.getByTestId("shared-prompts")).toHaveText("805 prompts answered by all 2 chosen models.");
    await expect(page.getByTestId("degenerate-pairs")).toHaveText("14 pairs with identical answers and 2 pairs with an empty answer: left out.");
    await expect(page.getByTestId("study-pairs")).toHaveText("The study will have 789 pairs.");
    await page.getByRole("button", { name: "Create study" }).click();
    await expect(page).toHaveURL(/\/admin\/studies\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Alpaca 7B vs text-davinci-003" })).toBeVisible();
    await expect(page.getByText("Pairs", { exact: true }).locator("..").locator("dd")).toHaveText("789");

    await page.getByRole("button", { name: "Open study" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Open study" }).click();
    await expect(page.getByRole("button", { name: "Close study" })).toBeVisible();
    await expect(page.getByLabel("Invitation link")).toContainText("/join/");

    // The results say what creation left out: the figures describe the remaining pairs only.
    const studyId = new URL(page.url()).pathname.split("/").pop()!;
    await page.goto(`/studies/${studyId}/results`);
    await expect(page.getByText(/Left out when the study was created, and never voted on: 16 with identical or empty answers/)).toBeVisible();
  });
});

test("a file over the size limit is not sent; an upload with a bad row imports nothing and names the row", async ({ page }) => {
  await signInOverHttp(page.request, "ADMIN");
  await page.goto("/admin/uploads");
  const rows = [
    { instruction: "Name a colour.", output: "Blue.", generator: "e2e-bad-model" },
    { instruction: "Name a fruit.", output: 42, generator: "e2e-bad-model" },
  ];
  // A file over the server's limit (16 MB in e2e) is refused before it is sent, with both sizes named.
  let uploadRequests = 0;
  page.on("request", (r) => void (r.url().endsWith("/api/uploads") && r.method() === "POST" && uploadRequests++));
  // Made in the page (sending 17 MB through the browser protocol is slow on a busy machine).
  await page.getByLabel("Model outputs file").evaluate((input: HTMLInputElement) => {
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(17 * 1024 * 1024)], "huge.json", { type: "application/json" }));
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("huge.json is 17 MB; this server accepts files up to 16 MB");
  expect(uploadRequests).toBe(0);

  await page.getByLabel("Model outputs file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(rows)) });
  await page.getByRole("button", { name: "Upload" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Nothing was imported.");
  await expect(alert).toContainText("row 2");
  await page.goto("/admin/studies/new");
  await expect(page.getByRole("checkbox", { name: /^tortoise-7b/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^e2e-bad-model/ })).toHaveCount(0);
});
