// Adaptive votes and stopping (issue 22) set through the new-study form at desktop (1440×900) and phone
// (390×844) sizes: the fieldset and its hints, a stop level out of bounds refused at its field, the study
// page listing the settings; axe on the form. With PAIRWISE_SCREENSHOTS=1 it writes
// docs/screenshots/admin-adaptive-*.png.
import { randomBytes } from "node:crypto";
import { expect, type Locator, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";

// Axe on a long form and a study made: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

async function screenshot(part: Locator, name: string) {
  if (process.env.PAIRWISE_SCREENSHOTS === "1") await part.screenshot({ path: `docs/screenshots/admin-adaptive-${name}.png` });
}

for (const size of SIZES) {
  test.describe(`adaptive votes in the new-study form at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test("an admin turns on adaptive votes with a stop level and a budget; the study page lists them", async ({ page }) => {
      await signInOverHttp(page.request, "ADMIN");
      const tag = randomBytes(3).toString("hex");
      const models = [`adapt-${tag}-left`, `adapt-${tag}-right`];
      const rows = [0, 1].flatMap((i) => models.map((m, k) => ({ instruction: `Adaptive ${tag}: question ${i}?`, output: `Answer ${k} to ${i}.`, generator: m })));
      const upload = await page.request.post("/api/uploads", {
        multipart: { file: { name: `adapt-${tag}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) } },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      await page.goto("/admin/studies/new");
      await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
      await page.getByRole("searchbox", { name: "Search models" }).press("Enter");
      for (const m of models) await page.getByRole("checkbox", { name: new RegExp(`^${m} 2 outputs$`) }).check();
      await page.getByLabel("Study name").fill(`Adaptive ${tag}`);

      const fieldset = page.getByRole("group", { name: "Adaptive votes and stopping" });
      const adaptive = fieldset.getByRole("checkbox", { name: "Stop voting on a pair once its majority is settled" });
      await expect(adaptive).not.toBeChecked();
      await expect(adaptive).toHaveAccessibleDescription(/estimates each prompt's majority, not the share of all votes/);
      const level = fieldset.getByRole("textbox", { name: /^Stop the study when every model pair is decided at level/ });
      await expect(level).toHaveAccessibleDescription(/fixed-sample intervals \(Wilson, bootstrap\) are no longer valid/);
      await adaptive.check();
      await level.fill("0.5");
      await fieldset.getByRole("spinbutton", { name: /^Vote budget/ }).fill("500");
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.locator("#stopLevel-error")).toHaveText("The stop level must be below 0.5");
      await expect(level).toHaveAttribute("aria-invalid", "true");
      await expect(level).toBeFocused();
      await screenshot(fieldset, `error-${size.name}`);
      await expectNoSeriousViolations(page, `the new-study form with adaptive votes and an error at ${size.name}`);

      await level.fill("0.05");
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Adaptive ${tag}` })).toBeVisible();
      const setting = (name: string) => page.getByText(name, { exact: true }).locator("..").locator("dd");
      await expect(setting("Adaptive votes")).toHaveText("on: a pair stops at a settled majority of its 3 votes");
      await expect(setting("Stopping")).toHaveText("when decided at level 0.05; or at 500 votes");
      await setting("Stopping").scrollIntoViewIfNeeded();
      await screenshot(page.getByRole("heading", { name: "Settings" }).locator(".."), `study-${size.name}`);
    });

    test("with three models the admin samples model pairs per prompt; too many is refused at the field", async ({ page }) => {
      await signInOverHttp(page.request, "ADMIN");
      const tag = randomBytes(3).toString("hex");
      const models = ["one", "two", "three"].map((m) => `sample-${tag}-${m}`);
      const rows = [0, 1].flatMap((i) => models.map((m, k) => ({ instruction: `Sampling ${tag}: question ${i}?`, output: `Answer ${k} to ${i}.`, generator: m })));
      const upload = await page.request.post("/api/uploads", {
        multipart: { file: { name: `sample-${tag}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) } },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      await page.goto("/admin/studies/new");
      await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
      await page.getByRole("searchbox", { name: "Search models" }).press("Enter");
      const fieldset = page.getByRole("group", { name: "Adaptive votes and stopping" });
      const perPrompt = fieldset.getByRole("textbox", { name: /^Model pairs per prompt put to raters/ });
      for (const m of models.slice(0, 2)) await page.getByRole("checkbox", { name: new RegExp(`^${m} 2 outputs$`) }).check();
      // Two models have one pair: nothing to sample.
      await expect(perPrompt).toHaveCount(0);
      await page.getByRole("checkbox", { name: new RegExp(`^${models[2]} 2 outputs$`) }).check();
      await expect(perPrompt).toHaveAccessibleName("Model pairs per prompt put to raters (of 3; empty: all)");
      await expect(perPrompt).toHaveAccessibleDescription(/drawn at random by the rule chosen/);
      const rule = fieldset.getByRole("combobox", { name: "Draw model pairs to" });
      await expect(rule).toHaveValue("ARENA");
      await expect(rule).toHaveAccessibleDescription(/Chatbot Arena's rule.*Narrow: in proportion to each comparison's vote variance/);
      await page.getByLabel("Study name").fill(`Sampling ${tag}`);
      await fieldset.getByRole("checkbox", { name: "Stop voting on a pair once its majority is settled" }).check();
      await perPrompt.fill("3");
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.locator("#pairsPerPrompt-error")).toHaveText(/Choose fewer model pairs per prompt than the 3 there are/);
      await expect(perPrompt).toBeFocused();
      await perPrompt.fill("2");
      await rule.selectOption({ label: "Narrow the widest interval" });
      await screenshot(fieldset, `sampling-${size.name}`);
      await expectNoSeriousViolations(page, `the new-study form sampling model pairs at ${size.name}`);
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Sampling ${tag}` })).toBeVisible();
      const setting = (name: string) => page.getByText(name, { exact: true }).locator("..").locator("dd");
      await expect(setting("Model pairs")).toHaveText("about 2 of 3 model pairs per prompt, drawn by vote variance to narrow the widest interval; 0 of 2 prompts opened");
    });
  });
}
