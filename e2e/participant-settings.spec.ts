// The admin sets a study's consent page and screen-out code on its admin page (and on the new-study
// form), checked field by field; a rater then meets the consent page. At 1440×900 and 390×844.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

test.describe.configure({ timeout: 90_000 });

for (const size of SIZES) {
  test.describe(`participant settings at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test("the admin page saves the consent page and screen-out code, refusing a bad URL at its field", async ({ page }) => {
      const stamp = `${size.name}-${Date.now()}`;
      await signInOverHttp(page.request, "ADMIN");
      const { studyId } = await openStudyFromRows(page.request, [
        { instruction: `Settings prompt ${stamp}`, output: "one", generator: `settings-a-${stamp}` },
        { instruction: `Settings prompt ${stamp}`, output: "two", generator: `settings-b-${stamp}` },
      ], { crowdEnabled: true });
      await page.goto(`/admin/studies/${studyId}`);
      const form = page.getByRole("form", { name: "Participant settings" });
      await form.getByLabel(/Information and consent page/).fill("## Consent\n\nYou may stop at any time.");
      await form.getByLabel("Screen-out code").fill("SCR-42");
      await form.getByLabel("Screen-out redirect URL").fill("ftp://example.com/x");
      await form.getByRole("button", { name: "Save participant settings" }).click();
      await expect(page.locator("#screenOutUrl-error")).toHaveText("The screen-out URL must be an http(s) URL");
      await expect(form.getByLabel("Screen-out redirect URL")).toHaveAttribute("aria-invalid", "true");

      await form.getByLabel("Screen-out redirect URL").fill("https://app.prolific.com/submissions/complete?cc=SCR-42");
      await form.getByRole("button", { name: "Save participant settings" }).click();
      await expect(form.getByRole("status")).toHaveText("Saved.");
      await form.screenshot({ path: test.info().outputPath(`participant-settings-${size.name}.png`) });
      const { study } = (await (await page.request.get(`/api/studies/${studyId}`)).json()) as { study: Record<string, unknown> };
      expect(study).toMatchObject({
        consentText: "## Consent\n\nYou may stop at any time.", screenOutCode: "SCR-42",
        screenOutUrl: "https://app.prolific.com/submissions/complete?cc=SCR-42",
      });
      await page.reload();
      await expect(form.getByLabel("Screen-out code")).toHaveValue("SCR-42");
      const box = await form.getByRole("button", { name: "Save participant settings" }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.viewport.width).toBe(true);
    });

    test("the new-study form has the consent and screen-out fields, checked like the others", async ({ page }) => {
      await signInOverHttp(page.request, "ADMIN");
      await page.goto("/admin/studies/new");
      await expect(page.getByLabel(/Information and consent page/)).toBeVisible();
      await page.getByText("Crowd entry (Prolific and similar platforms)").click();
      await page.getByLabel("Screen-out redirect URL").fill("not a url");
      await page.getByRole("button", { name: "Create study" }).click();
      await expect(page.locator("#screenOutUrl-error")).toHaveText("The screen-out URL must be an http(s) URL");
    });
  });
}
