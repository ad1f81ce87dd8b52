// Setting up a study that cannot start leaky, at desktop (1440×900) and phone (390×844) sizes:
// the new-study form's defaults and counts, per-field errors, leak warnings, confirmation dialogs,
// admin navigation on a phone, accessibility (axe). With PAIRWISE_SCREENSHOTS=1 it also writes the
// screenshots in docs/screenshots/admin-*.png (off by default, so a test run leaves the tree clean).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";

// Two axe runs and a dozen page loads per test: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/** Two fresh models answering 6 prompts: one self-introduction naming another model, one identical pair. */
async function uploadFixture(page: Page) {
  const tag = randomBytes(3).toString("hex");
  const models = [`setup-${tag}-left`, `setup-${tag}-right`] as const;
  const rows = Array.from({ length: 6 }, (_, i) => {
    const instruction = `Setup ${tag}: question ${i}?`;
    const left = i === 0 ? "I'm Alpaca, a model fine-tuned from LLaMA by Stanford. The answer is 4." : i === 1 ? "Same  answer." : `Left answer ${i}.`;
    const right = i === 1 ? "Same answer.\n" : `Right answer ${i}, about alpacas and llamas.`;
    return [{ instruction, output: left, generator: models[0] }, { instruction, output: right, generator: models[1] }];
  }).flat();
  const upload = await page.request.post("/api/uploads", {
    multipart: { file: { name: `setup-${tag}.jsonl`, mimeType: "application/x-ndjson", buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n")) } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  return { tag, models };
}

async function chooseModels(page: Page, tag: string, models: readonly string[]) {
  await page.getByRole("searchbox", { name: "Search models" }).fill(tag);
  await page.getByRole("searchbox", { name: "Search models" }).press("Enter");
  for (const m of models) await page.getByRole("checkbox", { name: new RegExp(`^${m} 6 outputs$`) }).check();
}

async function screenshot(page: Page, name: string, fullPage = true) {
  if (process.env.PAIRWISE_SCREENSHOTS === "1") await page.screenshot({ path: `docs/screenshots/admin-${name}.png`, fullPage });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const size of SIZES) {
  test.describe(`study setup at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test.beforeEach(async ({ page }) => {
      await signInOverHttp(page.request, "ADMIN");
    });

    test("the new-study form excludes self-references and identical answers by default and counts them before creating", async ({ page }) => {
      const { tag, models } = await uploadFixture(page);
      await page.goto("/admin/studies/new");
      await expect(page.getByRole("checkbox", { name: "Exclude prompts where an answer may reveal its author" })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: "Keep pairs whose answers are identical or empty" })).not.toBeChecked();
      await expect(page.getByText("Crowd entry: a link that accepts a participant id")).toBeHidden();

      await chooseModels(page, tag, models);
      await expect(page.getByTestId("shared-prompts")).toHaveText("6 prompts answered by all 2 chosen models.");
      await expect(page.locator("#name-error")).toHaveCount(0);
      await expect(page.getByTestId("leak-pairs")).toHaveText("1 pair on 1 prompt with an answer that may name its author: left out.");
      await expect(page.getByTestId("degenerate-pairs")).toHaveText("1 pair with identical answers and 0 pairs with an empty answer: left out.");
      await expect(page.getByTestId("study-pairs")).toHaveText("The study will have 4 pairs.");
      await screenshot(page, `new-study-${size.name}`);
      await expectNoSeriousAxeViolations(page);

      await page.getByRole("checkbox", { name: "Exclude prompts where an answer may reveal its author" }).uncheck();
      await expect(page.getByTestId("leak-pairs")).toContainText("kept — raters may see who wrote them.");
      await expect(page.getByTestId("study-pairs")).toHaveText("The study will have 5 pairs.");

      // Errors at their fields: the name, and a crowd field inside the folded section, which opens.
      await page.getByLabel("Completion redirect URL").evaluate((el: HTMLInputElement) => { el.value = "ftp://nope"; });
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByLabel("Study name")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#name-error")).toHaveText("Give the study a name");
      await expect(page.getByLabel("Study name")).toBeFocused();
      await expect(page.locator("#completionUrl-error")).toHaveText("The completion URL must be an http(s) URL");
      await expect(page.getByLabel("Completion redirect URL")).toBeVisible();
      await page.getByLabel("Completion redirect URL").fill("");

      await page.getByLabel("Study name").fill(`Leaky ${tag}`);
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.getByRole("heading", { level: 1, name: `Leaky ${tag}` })).toBeVisible();
      const studyUrl = page.url();
      await expect(page.getByText("Pairs", { exact: true }).locator("..").locator("dd")).toHaveText("5");
      await expect(page.getByText("Left out at creation").locator("..").locator("dd")).toHaveText("self-references kept; 1 with identical or empty answers");
      const warning = page.getByRole("region", { name: "Identity leak warning" });
      await expect(warning).toContainText("1 answer in 1 pair may reveal its author.");
      await expect(page.getByText("“i'm alpaca”").first()).toBeVisible();
      await screenshot(page, `study-${size.name}`);
      await expectNoSeriousAxeViolations(page);

      await page.getByRole("link", { name: "Pairs: gold answers and exclusions" }).click();
      await expect(page.getByRole("region", { name: "Identity leak warning" })).toContainText("1 answer in 1 pair may reveal its author.");
      await expect(page.getByText("may reveal its author: “i'm alpaca”")).toBeVisible();
      await screenshot(page, `pairs-${size.name}`);
      await page.goto(studyUrl);
      await page.getByRole("button", { name: `Clear the flag on ${models[0]}'s answer (“i'm alpaca”)` }).click();
      await expect(page.getByRole("region", { name: "Identity leak warning" })).toHaveCount(0);
    });

    test("opening and closing a study ask first, naming what will happen", async ({ page }) => {
      const { tag, models } = await uploadFixture(page);
      const ids = (await (await page.request.get("/api/models")).json() as { models: { id: string; name: string }[] }).models
        .filter((m) => (models as readonly string[]).includes(m.name)).map((m) => m.id);
      const created = await page.request.post("/api/studies", { data: { name: `Lifecycle ${tag}`, modelIds: ids } });
      const { studyId } = (await created.json()) as { studyId: string };
      await page.goto(`/admin/studies/${studyId}`);

      await page.getByRole("button", { name: "Open study" }).click();
      const openDialog = page.getByRole("dialog", { name: `Open “Lifecycle ${tag}”?` });
      await expect(openDialog).toContainText("Its 4 pairs freeze");
      await openDialog.getByRole("button", { name: "Cancel" }).click();
      await expect(openDialog).toBeHidden();
      await expect(page.getByText("draft", { exact: true })).toBeVisible();

      await page.getByRole("button", { name: "Open study" }).click();
      await openDialog.getByRole("button", { name: "Open study" }).click();
      await page.getByRole("button", { name: "Close study" }).click();
      const closeDialog = page.getByRole("dialog", { name: `Close “Lifecycle ${tag}”?` });
      await expect(closeDialog).toContainText("A closed study cannot be opened again.");
      await page.keyboard.press("Escape");
      await expect(closeDialog).toBeHidden();
      await expect(page.getByText("open", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Close study" }).click();
      await closeDialog.getByRole("button", { name: "Close study for good" }).click();
      await expect(page.getByText("closed", { exact: true })).toBeVisible();
    });

    test("deleting a user asks first; the buttons stay on screen", async ({ page }) => {
      const email = `delete-me-${randomBytes(3).toString("hex")}@example.org`;
      expect((await page.request.post("/api/users", { data: { email, password: "long enough password", role: "RATER" } })).status()).toBe(201);
      await page.goto("/admin/users");
      const button = page.getByRole("button", { name: `Delete ${email}, keep votes` });
      const box = await button.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.viewport.width).toBe(true);
      await button.click();
      const dialog = page.getByRole("dialog", { name: `Delete ${email}?` });
      await expect(dialog).toContainText("This cannot be undone.");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(button).toBeVisible();
      await button.click();
      await dialog.getByRole("button", { name: "Delete account" }).click();
      await expect(page.getByRole("status")).toHaveText(`Deleted ${email}.`);
      await expect(button).toHaveCount(0);
      await screenshot(page, `users-${size.name}`);
    });

    test("admin pages pass axe and the admin can move between them", async ({ page }) => {
      for (const [path, shot] of [["/admin", "studies"], ["/admin/uploads", "uploads"]] as const) {
        await page.goto(path);
        await expectNoSeriousAxeViolations(page);
        await screenshot(page, `${shot}-${size.name}`);
      }
      await page.goto("/admin");
      const main = page.getByRole("navigation", { name: "Main" });
      if (size.name === "phone") {
        await expect(main.getByRole("link", { name: "Uploads" })).toBeHidden();
        const menu = main.getByRole("button", { name: "Menu" });
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await screenshot(page, "menu-phone", false);
        for (const label of ["Studies", "Uploads", "New study", "Users", "Results", "API tokens"]) {
          await expect(main.getByRole("link", { name: label, exact: true })).toBeVisible();
        }
        await main.getByRole("link", { name: "Users" }).click();
        await expect(page).toHaveURL(/\/admin\/users$/);
        await expect(main.getByRole("link", { name: "Uploads" })).toBeHidden();
        await menu.click();
        await page.keyboard.press("Escape");
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(menu).toBeFocused();
      } else {
        await expect(main.getByRole("button", { name: "Menu" })).toBeHidden();
        await main.getByRole("link", { name: "Uploads" }).click();
        await expect(page).toHaveURL(/\/admin\/uploads$/);
      }
    });
  });
}
