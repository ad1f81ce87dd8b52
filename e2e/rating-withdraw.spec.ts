// A rater withdraws from the rating page: the confirm dialog says what happens, their votes leave the
// results, they cannot come back to the study, and the admin's audit trail shows the pseudonym and the
// count. Screens (the dialog, the audit trail) are checked with axe; with SCREENSHOTS=1 saved as
// docs/screenshots/withdraw-<phone|desktop>-*.png (otherwise in the test's output folder).
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { joinAsNewRater, lastVote, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";
import { expectNoSeriousViolations } from "./fixtures/axe";

async function screenshot(page: Page, info: TestInfo, name: string) {
  const file = `withdraw-${info.project.name.replace(/^rater-/, "")}-${name}.png`;
  await page.screenshot({ animations: "disabled", path: process.env.SCREENSHOTS ? `docs/screenshots/${file}` : info.outputPath(file) });
}

/** The study's vote total as the results API reports it to staff. */
async function votesInResults(admin: APIRequestContext, studyId: string): Promise<number> {
  const response = await admin.get(`/api/studies/${studyId}/results`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { totals: { votes: number } }).totals.votes;
}

test("withdrawing removes the rater's votes from the results and ends their part in the study", async ({ page, playwright, baseURL }, info) => {
  test.setTimeout(180_000);
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const stamp = `withdraw-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const rows = [1, 2, 3].flatMap((i) => [
    { instruction: `Withdraw prompt ${i} (${stamp})`, output: `first answer ${i}`, generator: `wd-a-${stamp}` },
    { instruction: `Withdraw prompt ${i} (${stamp})`, output: `second answer ${i}`, generator: `wd-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { name: `Withdrawal ${stamp}`, votesPerPair: 1 });
  await joinAsNewRater(page, inviteToken, studyId, "withdraw");

  for (const n of [1, 2]) {
    await expect(pairProgress(page, n)).toBeVisible();
    await readBoth(page);
    await voteButton(page, n === 1 ? "A is better" : "B is better").click();
    await expect(lastVote(page)).toContainText(`on pair ${n}`);
  }
  await expect.poll(() => votesInResults(admin, studyId)).toBe(2);

  await page.getByRole("button", { name: "Withdraw from this study" }).click();
  const dialog = page.getByRole("dialog", { name: `Withdraw from “Withdrawal ${stamp}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("All your votes in this study are deleted");
  await expect(dialog).toContainText("not your email or participant id");
  await screenshot(page, info, "dialog");
  await expectNoSeriousViolations(page, "the withdraw dialog");
  // Cancel keeps everything; confirming withdraws.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await votesInResults(admin, studyId)).toBe(2);
  await page.getByRole("button", { name: "Withdraw from this study" }).click();
  await dialog.getByRole("button", { name: "Withdraw and delete my votes" }).click();

  await expect(page.getByRole("heading", { name: "You have withdrawn from the study" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("2 votes were deleted");
  expect(await votesInResults(admin, studyId)).toBe(0);
  // No way back into the study with this account.
  expect((await page.goto(`/studies/${studyId}/rate`))?.status()).toBe(404);

  // The admin's audit trail names the pseudonym and the count, never the email.
  await page.context().clearCookies();
  await signInOverHttp(page.request, "ADMIN");
  await page.goto(`/admin/studies/${studyId}`);
  const trail = page.getByRole("list", { name: "Audit trail" });
  await expect(trail.getByRole("listitem").first()).toContainText(/r_\S+ withdrew: 2 votes removed/);
  // (joinAsNewRater's emails start with the tag.)
  await expect(trail).not.toContainText("withdraw-");
  await expect(trail.getByRole("listitem").last()).toContainText("Opened the study");
  await page.getByRole("heading", { name: "Audit trail" }).scrollIntoViewIfNeeded();
  await screenshot(page, info, "audit-trail");
  await expectNoSeriousViolations(page, "the study page with its audit trail");
  await admin.dispose();
});
