// Progress that means something to a rater: their own pair number against their quota, pairs and
// time left, "Continue (N judged)" on their home page, and no completion code for flags alone.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { instruction, joinAsNewRater, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

const tag = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

test("with a quota the rater sees pair N of it, a time estimate once they voted, and Continue on their home page", async ({ page }) => {
  const stamp = tag();
  await signInOverHttp(page.request, "ADMIN");
  const rows = [1, 2, 3].flatMap((i) => [
    { instruction: `Quota prompt ${i} (${stamp})`, output: `first ${i}`, generator: `quota-a-${stamp}` },
    { instruction: `Quota prompt ${i} (${stamp})`, output: `second ${i}`, generator: `quota-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, { votesPerPair: 1, maxVotesPerRater: 2, name: `Quota study ${stamp}` });
  await joinAsNewRater(page, inviteToken, studyId, "quota");

  await expect(page.getByText("Pair 1 of 2", { exact: true })).toBeVisible();
  await expect(page.getByText(/minutes? left/)).toBeHidden();
  await readBoth(page);
  await voteButton(page, "A is better").click();
  await expect(page.getByText("Pair 2 of 2", { exact: true })).toBeVisible();
  await expect(page.getByText("· about a minute left")).toBeVisible();

  await page.goto("/rate");
  await page.getByRole("listitem").filter({ hasText: `Quota study ${stamp}` }).getByRole("link", { name: "Continue (1 judged)" }).click();
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);
  await expect(pairProgress(page, 2)).toBeVisible();
  await readBoth(page);
  await voteButton(page, "B is better").click();
  await expect(page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  await expect(page.getByText("2 pairs judged", { exact: true })).toBeVisible();
});

test("a crowd participant who flags every pair gets no completion code and is told why", async ({ page }) => {
  const stamp = tag();
  await signInOverHttp(page.request, "ADMIN");
  const { studyId, crowdToken } = await openStudyFromRows(page.request, [1, 2].flatMap((i) => [
    { instruction: `Flag prompt ${i} (${stamp})`, output: `first ${i}`, generator: `flag-a-${stamp}` },
    { instruction: `Flag prompt ${i} (${stamp})`, output: `second ${i}`, generator: `flag-b-${stamp}` },
  ]), { votesPerPair: 1, crowdEnabled: true, completionCode: "C0DE-FLAG" });
  await page.context().clearCookies();
  await page.goto(`/crowd/${crowdToken}?PROLIFIC_PID=5f00aa11bb22cc33dd44ee66&STUDY_ID=s&SESSION_ID=${stamp}`);
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);

  const flag = async () => {
    await page.getByRole("button", { name: "Flag this pair" }).click();
    await page.getByRole("dialog", { name: "Flag this pair" }).getByRole("button", { name: "Flag and skip" }).click();
  };
  await expect(pairProgress(page, 1)).toBeVisible();
  const first = await instruction(page).textContent();
  await flag();
  await expect(instruction(page)).not.toHaveText(first!);
  await flag();
  await expect(page.getByRole("heading", { name: "No pairs are left for you" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("You flagged the remaining pairs, so there is no completion code");
  await expect(page.getByRole("main")).toContainText("Contact the researcher");
  await expect(page.getByText("C0DE-FLAG")).toBeHidden();
});
