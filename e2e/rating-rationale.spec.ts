// A study that asks for a rationale with every vote: a vote without one is refused on the page before
// anything is sent (the message, and the box focused), and the same vote with a reason is recorded with it.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { isPhone, joinAsNewRater, lastVote, pairProgress, readBoth, recordVotes, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

test("a vote without the required rationale is refused on the page, then recorded with it", async ({ page, playwright, baseURL }) => {
  const stamp = `why-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Name a colour (${i}, ${stamp}).`, output: `Blue, ${i}.`, generator: `why-a-${stamp}` },
    { instruction: `Name a colour (${i}, ${stamp}).`, output: `Green, ${i}.`, generator: `why-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1, rationale: "REQUIRED" });
  await joinAsNewRater(page, inviteToken, studyId, "why");
  await expect(pairProgress(page, 1)).toBeVisible();
  const votes = recordVotes(page) as { choice: string; rationale?: string }[];
  await readBoth(page);

  const vote = voteButton(page, "A is better");
  if (isPhone(page)) await vote.tap();
  else await vote.click();
  await expect(page.getByText("This study asks for a short rationale with every vote.")).toBeVisible();
  await expect(page.getByLabel("Why? (required)")).toBeFocused();
  expect(votes).toEqual([]);

  await page.getByLabel("Why? (required)").fill("Blue is named first.");
  if (isPhone(page)) await vote.tap();
  else await vote.click();
  await expect(pairProgress(page, 2)).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded");
  expect(votes).toHaveLength(1);
  expect(votes[0]).toMatchObject({ choice: "LEFT", rationale: "Blue is named first." });
  await admin.dispose();
});
