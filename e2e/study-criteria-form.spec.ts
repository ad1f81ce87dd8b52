// A study judged on several criteria and with answer issues, set up through the new-study form at desktop
// (1440×900) and phone (390×844) sizes: the criteria boxes and their errors, the study page listing both
// (the primary marked), the export refusing an unknown criterion, the results' export links offering one;
// axe on the form and the study page. With PAIRWISE_SCREENSHOTS=1 it writes docs/screenshots/admin-criteria-*.png.
import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { openStudyFromRows } from "./fixtures/studies";

// Axe on a long form and a study page, and three studies made: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

const EXAMPLES = [
  "Helpful: Which answer does more of what was asked?",
  "Harmless: Which answer is less likely to cause harm?",
  "Honest: Which answer is more truthful about facts and its own uncertainty?",
].join("\n");

/** Two fresh models answering 3 prompts, chosen in the new-study form. */
async function formWithModels(page: Page) {
  const tag = randomBytes(3).toString("hex");
  const models = [`crit-${tag}-left`, `crit-${tag}-right`];
  const rows = [0, 1, 2].flatMap((i) => models.map((m, k) => ({ instruction: `Criteria ${tag}: question ${i}?`, output: `Answer ${k} to ${i}.`, generator: m })));
  const upload = await page.request.post("/api/uploads", {
    multipart: { file: { name: `crit-${tag}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  await page.goto("/admin/studies/new");
  await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
  await page.getByRole("searchbox", { name: "Search models" }).press("Enter");
  for (const m of models) await page.getByRole("checkbox", { name: new RegExp(`^${m} 3 outputs$`) }).check();
  await page.getByLabel("Study name").fill(`Criteria ${tag}`);
  return tag;
}

/** The whole page, or one part of it (easier to read at a phone's width). */
async function screenshot(page: Page, name: string, part?: Locator) {
  if (process.env.PAIRWISE_SCREENSHOTS !== "1") return;
  const path = `docs/screenshots/admin-criteria-${name}.png`;
  await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
}

for (const size of SIZES) {
  test.describe(`criteria in the new-study form at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test.beforeEach(async ({ page }) => {
      await signInOverHttp(page.request, "ADMIN");
    });

    test("an admin sets criteria and answer issues through the form; the study page lists both, the primary marked", async ({ page }) => {
      const tag = await formWithModels(page);
      const list = page.getByRole("textbox", { name: /^Criteria, one “Label: question” per line/ });
      await expect(list).toHaveCount(0);
      await page.getByRole("checkbox", { name: "Judge each pair on several criteria" }).check();
      await expect(page.getByRole("checkbox", { name: "Ask an overall choice first (it becomes the primary criterion)" })).toBeChecked();
      await expect(list).toHaveValue(EXAMPLES);
      await expect(page.locator("#criteria-hint")).toContainText("The primary criterion is the overall choice when asked, else the first line");

      await page.getByRole("checkbox", { name: /^Let raters mark issues on each answer/ }).check();
      await page.getByLabel(/^Issues, one per line/).fill("Made-up facts\nRude tone");
      await screenshot(page, `form-${size.name}`);
      await screenshot(page, `voting-${size.name}`, page.getByRole("group", { name: "Voting" }));

      // Each refusal at the box, which takes focus: an empty list, a label twice, too many with the overall choice.
      const refusals = [
        ["", "List at least one criterion, or untick the box above."],
        ["Helpful: one\nhelpful: two", "Two criteria have the same key: give them different labels"],
        ["A\nB\nC\nD\nE\nF", "At most 6 criteria, the overall choice included: this list has 7."],
      ] as const;
      for (const [text, message] of refusals) {
        await list.fill(text);
        await page.getByRole("button", { name: "Create study" }).click();
        await expect(page.locator("#criteria-error")).toHaveText(message);
        await expect(list).toHaveAttribute("aria-invalid", "true");
        await expect(list).toBeFocused();
      }
      await screenshot(page, `voting-error-${size.name}`, page.getByRole("group", { name: "Voting" }));
      await expectNoSeriousViolations(page, `the new-study form with criteria, issues and an error at ${size.name}`);
      await list.fill(EXAMPLES);

      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Criteria ${tag}` })).toBeVisible();
      const criteria = page.getByRole("list", { name: "Criteria" }).getByRole("listitem");
      await expect(criteria).toHaveText([
        "Overall primary — Which answer is better overall?",
        "Helpful — Which answer does more of what was asked?",
        "Harmless — Which answer is less likely to cause harm?",
        "Honest — Which answer is more truthful about facts and its own uncertainty?",
      ]);
      await expect(page.getByText("Issues raters may mark").locator("..").locator("dd")).toHaveText("Made-up facts; Rude tone");
      await page.getByRole("list", { name: "Criteria" }).scrollIntoViewIfNeeded();
      await screenshot(page, `study-${size.name}`);
      await expectNoSeriousViolations(page, `the study page with criteria at ${size.name}`);
    });

    test("the export refuses a criterion the study lacks, naming its keys; the results' export links offer each criterion", async ({ page }) => {
      const tag = randomBytes(3).toString("hex");
      const rows = [0, 1].flatMap((i) => ["a", "b"].map((m) => ({ instruction: `Export ${tag} ${i}?`, output: `${m} ${i}`, generator: `crit-export-${tag}-${m}` })));
      const { studyId } = await openStudyFromRows(page.request, rows, { criteria: [{ label: "Overall" }, { label: "Helpful" }, { label: "Harmless" }, { label: "Honest" }] });
      // The export names the study's keys when refusing one it lacks, and takes one it has.
      const unknown = await page.request.get(`/api/studies/${studyId}/export?format=battles&criterion=fun`);
      expect(unknown.status()).toBe(400);
      expect(await unknown.json()).toEqual({ error: { code: "unknown_criterion",
        message: 'This study has no criterion "fun": choose one of overall, helpful, harmless, honest (overall is the primary, the default).' } });
      const helpful = await page.request.get(`/api/studies/${studyId}/export?format=alpaca_eval&criterion=helpful`);
      expect(helpful.status()).toBe(200);
      expect(helpful.headers()["content-disposition"]).toBe(`attachment; filename="study-${studyId}-alpaca_eval-helpful.json"`);
      expect(await helpful.json()).toEqual([]);

      await page.goto(`/studies/${studyId}/results`);
      const choice = page.getByRole("combobox", { name: "Criterion for AlpacaEval and Arena battles" });
      await expect(choice.getByRole("option")).toHaveText(["Overall (primary)", "Helpful", "Harmless", "Honest"]);
      const link = (label: string) => page.getByRole("link", { name: new RegExp(`^Download ${label}`) });
      await expect(link("AlpacaEval")).toHaveAttribute("href", `/api/studies/${studyId}/export?format=alpaca_eval&criterion=overall`);
      await choice.selectOption({ label: "Harmless" });
      await expect(link("Arena battles")).toHaveAttribute("href", `/api/studies/${studyId}/export?format=battles&criterion=harmless`);
      await expect(link("Arena battles")).toContainText("criterion: Harmless");
      await screenshot(page, `export-links-${size.name}`, page.getByRole("region", { name: "Export" }));
      await expectNoSeriousViolations(page, `the results page's export links with criteria at ${size.name}`);
      await expect(link("CSV")).toHaveAttribute("href", `/api/studies/${studyId}/export?format=csv`);
    });

    test("without the overall choice the first line is the primary; a study without criteria says so and offers no choice", async ({ page }) => {
      const tag = await formWithModels(page);
      await page.getByRole("checkbox", { name: "Judge each pair on several criteria" }).check();
      await page.getByRole("checkbox", { name: "Ask an overall choice first (it becomes the primary criterion)" }).uncheck();
      await page.getByRole("textbox", { name: /^Criteria, one/ }).fill("Clear: Which is easier to read?\nBrief");
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Criteria ${tag}` })).toBeVisible();
      await expect(page.getByRole("list", { name: "Criteria" }).getByRole("listitem")).toHaveText(["Clear primary — Which is easier to read?", "Brief"]);

      const plain = await formWithModels(page);
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Criteria ${plain}` })).toBeVisible();
      await expect(page.getByText("Criteria", { exact: true }).locator("..").locator("dd")).toHaveText("one overall choice");
      const studyId = new URL(page.url()).pathname.split("/").at(-1)!;
      const refused = await page.request.get(`/api/studies/${studyId}/export?format=battles&criterion=overall`);
      expect(refused.status()).toBe(400);
      await page.goto(`/studies/${studyId}/results`);
      await expect(page.getByRole("link", { name: /^Download AlpacaEval/ })).toHaveAttribute("href", `/api/studies/${studyId}/export?format=alpaca_eval`);
      await expect(page.getByRole("combobox", { name: "Criterion for AlpacaEval and Arena battles" })).toHaveCount(0);
    });
  });
}
