// Every recorded vote is confirmed ("Recorded: B is better on pair 1") with Undo while the study's
// window is open: undo shows the same pair again, same sides, and takes the vote out of the results;
// after the window the server refuses and the page says so.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { answerText, instruction, joinAsNewRater, lastVote, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

async function undoStudy(page: Page, admin: APIRequestContext, tag: string, settings: Record<string, unknown>) {
  const stamp = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signInOverHttp(admin, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Undo prompt ${i} (${stamp})`, output: `first ${i}`, generator: `undo-a-${stamp}` },
    { instruction: `Undo prompt ${i} (${stamp})`, output: `second ${i}`, generator: `undo-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1, ...settings });
  await joinAsNewRater(page, inviteToken, studyId, tag);
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(instruction(page)).toBeVisible();
  return studyId;
}

/** The study's vote total as the results API reports it to staff. */
async function votesInResults(admin: APIRequestContext, studyId: string): Promise<number> {
  const response = await admin.get(`/api/studies/${studyId}/results`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { totals: { votes: number } }).totals.votes;
}

const undoButton = (page: Page) => lastVote(page).getByRole("button", { name: "Undo" });

test("undo within the window shows the same pair again with its sides, and takes the vote out of the results", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const studyId = await undoStudy(page, admin, "undo", { undoSeconds: 60 });
  const shown = { instruction: await instruction(page).textContent(), a: await answerText(page, "A").textContent(), b: "" };
  // (On a phone B is behind the switch until read.)
  await readBoth(page);
  shown.b = (await answerText(page, "B").textContent())!;
  await voteButton(page, "B is better").click();
  await expect(pairProgress(page, 2)).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 1");
  await expect(undoButton(page)).toBeVisible();
  await expect(undoButton(page)).toHaveAttribute("aria-keyshortcuts", "U");
  await expect.poll(() => votesInResults(admin, studyId)).toBe(1);

  // Undo with the button: pair 1 again, A and B as before.
  await undoButton(page).click();
  await expect(instruction(page)).toHaveText(shown.instruction!);
  await expect(lastVote(page)).toContainText("Vote undone on pair 1");
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(answerText(page, "A")).toHaveText(shown.a!);
  await expect(page.getByRole("status").filter({ hasText: "Your vote on pair 1 is undone" })).toBeAttached();
  await expect.poll(() => votesInResults(admin, studyId)).toBe(0);

  // A new vote on it counts; the U key undoes that one too.
  await readBoth(page);
  await expect(answerText(page, "B")).toHaveText(shown.b);
  await page.keyboard.press("1");
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  await expect.poll(() => votesInResults(admin, studyId)).toBe(1);
  await page.keyboard.press("u");
  await expect(lastVote(page)).toContainText("Vote undone on pair 1");
  await expect(instruction(page)).toHaveText(shown.instruction!);
  await expect.poll(() => votesInResults(admin, studyId)).toBe(0);
  await admin.dispose();
});

test("an undo after the window is refused with the server's message, and the page stops offering it", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  // The page's clock stands still from the vote on (as in a tab the phone put to sleep), so its Undo
  // outlives the server's one-second window.
  await page.clock.install();
  const studyId = await undoStudy(page, admin, "late", { undoSeconds: 1 });
  const undos: string[] = [];
  page.on("request", (r) => r.url().endsWith("/votes/undo") && undos.push(r.method()));
  await readBoth(page);
  // pauseAt only moves forward: the margin covers the round trip between reading the page's time and
  // pausing it (50 ms was once too little on a loaded machine), and the jump fires only timers that are
  // already due-by-then on a settled page.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 2_000));
  await voteButton(page, "A is better").click();
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  await expect(undoButton(page)).toBeVisible();

  // Waiting past the window is what this test is about: the server's clock runs on.
  await page.waitForTimeout(1_500);
  await undoButton(page).click();
  await expect(lastVote(page)).toContainText("Not undone: Too late to undo: votes can be undone for 1 second.");
  await expect(pairProgress(page, 2)).toBeVisible();
  await expect.poll(() => votesInResults(admin, studyId)).toBe(1);

  // Once its own clock runs again the page offers no undo, and the U key sends nothing.
  await page.clock.resume();
  await expect(undoButton(page)).toBeHidden();
  await page.keyboard.press("u");
  expect(undos).toEqual(["POST"]);
  await admin.dispose();
});
