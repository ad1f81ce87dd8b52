// axe-core finds no serious or critical problem on the rater's screens (guidelines, a long pair, the
// confirmation of a vote, the finished screen). With SCREENSHOTS=1 the screens are saved as
// docs/screenshots/rating-<phone|desktop>*.png (otherwise in the test's output folder).
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { joinAsNewRater, lastVote, longAnswer, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";
import { expectNoSeriousViolations } from "./fixtures/axe";

async function screenshot(page: Page, info: TestInfo, name: string) {
  const size = info.project.name.replace(/^rater-/, "");
  const file = `rating-${size}${name ? `-${name}` : ""}.png`;
  await page.screenshot({ animations: "disabled", path: process.env.SCREENSHOTS ? `docs/screenshots/${file}` : info.outputPath(file) });
}

test("the guidelines, a long pair, a recorded vote and the finished screen have no serious accessibility problems", async ({ page }, info) => {
  test.setTimeout(90_000);
  const stamp = `a11y-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signInOverHttp(page.request, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Explain how a hash map works, with an example in Python (${i}, ${stamp}).`, output: longAnswer(`answer one`), generator: `a11y-a-${stamp}` },
    { instruction: `Explain how a hash map works, with an example in Python (${i}, ${stamp}).`, output: longAnswer(`answer two`, 16), generator: `a11y-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, {
    name: "Helpfulness of coding answers",
    votesPerPair: 1,
    guidelines: "Prefer the answer that is **correct** first, then the clearer one.\n\n- Read both answers to the end.\n- Use *Tie* only when neither is better.",
  });
  await joinAsNewRater(page, inviteToken, studyId, "a11y");

  await expect(page.getByRole("heading", { name: "Before you start: the guidelines" })).toBeVisible();
  await expectNoSeriousViolations(page, "the guidelines");
  await page.getByRole("button", { name: "Start rating" }).click();

  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(page.locator("#vote-status")).toContainText("Read both answers to vote");
  await screenshot(page, info, "");
  await expectNoSeriousViolations(page, "a long pair");

  await readBoth(page);
  await screenshot(page, info, "read");
  await voteButton(page, "A is better").click();

  await expect(pairProgress(page, 2)).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  await screenshot(page, info, "recorded");
  await expectNoSeriousViolations(page, "the confirmation of a vote");

  await readBoth(page);
  await voteButton(page, "B is better").click();
  await expect(page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 2");
  await screenshot(page, info, "finished");
  await expectNoSeriousViolations(page, "the finished screen");
});
