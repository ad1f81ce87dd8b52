// A rater flags a pair whose answer names its author; the admin finds it from the study page, reads it on
// the pairs page and excludes it: the next rater is never served it, the results say it is excluded, the
// audit trail records it, a search of the instructions finds it, and "Count it again" undoes it. At desktop (1440×900) and phone (390×844) sizes,
// with axe; PAIRWISE_SCREENSHOTS=1 writes docs/screenshots/admin-pairs-exclusion-*.png.
import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { instruction, joinAsNewRater, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

test.describe.configure({ timeout: 90_000 });

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/** A rater in a browser of their own, on the study's rating page. */
async function raterPage(browser: Browser, inviteToken: string, studyId: string, tag: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await joinAsNewRater(page, inviteToken, studyId, tag);
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(instruction(page)).toBeVisible();
  return page;
}

for (const size of SIZES) {
  test.describe(`excluding a flagged pair at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test("the admin excludes the pair a rater flagged; nobody is served it; counting it again undoes it", async ({ page, browser }) => {
      const tag = randomBytes(3).toString("hex");
      const rows = [1, 2].flatMap((i) => [
        { instruction: `Exclusion ${tag}: question ${i}?`, output: `Left answer ${i}.`, generator: `excl-${tag}-left` },
        { instruction: `Exclusion ${tag}: question ${i}?`, output: `Right answer ${i}.`, generator: `excl-${tag}-right` },
      ]);
      await signInOverHttp(page.request, "ADMIN");
      const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, { votesPerPair: 2 });

      // A rater flags the first pair they are served.
      const flagger = await raterPage(browser, inviteToken, studyId, `flagger-${tag}`);
      const flaggedInstruction = (await instruction(flagger).locator("p").first().textContent())!;
      await flagger.getByRole("button", { name: "Flag this pair" }).click();
      const dialog = flagger.getByRole("dialog", { name: "Flag this pair" });
      await dialog.getByLabel(/Details/).fill("Answer B says it is ChatGPT");
      await dialog.getByRole("button", { name: "Flag and skip" }).click();
      await expect(instruction(flagger)).not.toContainText(flaggedInstruction);
      await flagger.context().close();

      // The admin sees the flag on the study page and follows it to the pair.
      await page.goto(`/admin/studies/${studyId}`);
      await expect(page.getByRole("heading", { name: "Flagged pairs" }).locator("..")).toContainText("An answer reveals which model wrote it: Answer B says it is ChatGPT");
      await page.getByRole("link", { name: "See the flagged pairs" }).click();
      await expect(page).toHaveURL(/\/pairs\?show=flagged$/);
      const filters = page.getByRole("navigation", { name: "Which pairs" });
      await expect(filters.getByRole("link", { name: "Flagged by raters (1)" })).toHaveAttribute("aria-current", "page");
      const listed = page.getByRole("list", { name: "Pairs" }).locator(":scope > li");
      await expect(listed).toHaveCount(1);
      const card = listed.filter({ hasText: flaggedInstruction });
      await expect(card).toContainText("Flagged by 1 rater:");
      await expect(card).toContainText("An answer reveals which model wrote it: Answer B says it is ChatGPT");

      await card.getByRole("button", { name: `Exclude this pair: “${flaggedInstruction}”` }).click();
      await expect(card.getByText("Excluded: not served, not counted")).toBeVisible();
      await expect(filters.getByRole("link", { name: "Excluded (1)" })).toBeVisible();
      if (process.env.PAIRWISE_SCREENSHOTS === "1") await page.screenshot({ path: `docs/screenshots/admin-pairs-exclusion-${size.name}.png` });
      await expectNoSeriousViolations(page, `the pairs page with an excluded pair (${size.name})`);

      // A new rater is served only the other pair, then is done.
      const rater = await raterPage(browser, inviteToken, studyId, `after-${tag}`);
      await expect(instruction(rater)).not.toContainText(flaggedInstruction);
      await readBoth(rater);
      await voteButton(rater, "A is better").click();
      await expect(rater.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
      await rater.context().close();

      // The results and the audit trail say so.
      await page.goto(`/studies/${studyId}/results`);
      await expect(page.getByText("0 gold and 1 excluded: left out of the model figures")).toBeVisible();
      await page.goto(`/admin/studies/${studyId}`);
      await expect(page.getByRole("list", { name: "Audit trail" })).toContainText("no longer served, left out of the results");

      // Found again by searching its instruction, then counted again from the excluded ones among the found.
      await page.goto(`/admin/studies/${studyId}/pairs`);
      const search = page.getByRole("search", { name: "Search pairs" });
      await search.getByLabel("Search instructions").fill(flaggedInstruction.toUpperCase());
      await search.getByRole("button", { name: "Search" }).click();
      await expect(filters.getByRole("link", { name: "All pairs (1)" })).toHaveAttribute("aria-current", "page");
      await expect(listed).toHaveCount(1);
      await filters.getByRole("link", { name: "Excluded (1)" }).click();
      await expect(page).toHaveURL(/show=excluded&q=/);
      await page.getByRole("button", { name: `Count it again: “${flaggedInstruction}”` }).click();
      await expect(filters.getByRole("link", { name: "Excluded (0)" })).toBeVisible();
      await expect(page.getByText(`No pair here whose instruction contains “${flaggedInstruction.toUpperCase()}”.`)).toBeVisible();
      await page.goto(`/admin/studies/${studyId}`);
      await expect(page.getByRole("list", { name: "Audit trail" })).toContainText("again: served and in the results");
    });
  });
}
