// Answer issues (issue 20): a rater ticks issues on A with the mouse and on B with the keyboard; the
// ticks go with the vote and the export shows them on the output shown on that side; a new pair and an
// undone vote start with none; nothing the browser receives names a model. With SCREENSHOTS=1 the
// ticked pair is saved as docs/screenshots/rating-issues-<phone|desktop>.png.
import { type APIRequestContext, expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { answerText, isPhone, joinAsNewRater, lastVote, longAnswer, pairProgress, readBoth, recordVotes, type Side, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

const ISSUES = [
  { key: "factual-error", label: "Factual error / hallucination" },
  { key: "harmful", label: "Harmful or toxic content" },
  { key: "stereotype", label: "Stereotype or bias" },
  { key: "refusal", label: "Refusal or evasion" },
  { key: "off-instruction", label: "Does not follow the instruction" },
];

const tick = (page: Page, side: Side, label: string) => page.getByRole("checkbox", { name: `${side}: ${label}`, exact: true });
// Both answers' boxes, also the one behind the A | B switch on a phone.
const ticked = (page: Page) => page.getByRole("checkbox", { checked: true, includeHidden: true });

/** On a phone, the answer's tab; its tick boxes sit after its end. */
async function showAnswer(page: Page, side: Side) {
  if (isPhone(page)) await page.getByRole("tab", { name: `Answer ${side}` }).click();
}

/** Each stored tick as "<model>: <issue key>", sorted, from the staff's JSONL export. */
async function storedTicks(admin: APIRequestContext, studyId: string): Promise<string[]> {
  const response = await admin.get(`/api/studies/${studyId}/export?format=jsonl`);
  expect(response.status()).toBe(200);
  const votes = (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line) as { issues: Record<string, string[]> });
  return votes.flatMap((v) => Object.entries(v.issues).flatMap(([model, keys]) => keys.map((key) => `${model}: ${key}`))).sort();
}

async function screenshot(page: Page, info: TestInfo) {
  const file = `rating-issues-${info.project.name.replace(/^rater-/, "")}.png`;
  await page.screenshot({ animations: "disabled", path: process.env.SCREENSHOTS ? `docs/screenshots/${file}` : info.outputPath(file) });
}

test("issues ticked on A by mouse and on B by key go with the vote, to the output shown on each side", async ({ page, playwright, baseURL }, info) => {
  test.setTimeout(120_000);
  const stamp = `issues-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const models = { first: `issues-a-${stamp}`, second: `issues-b-${stamp}` };
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Explain a hash map (${i}, ${stamp}).`, output: longAnswer(`the first text ${i}`, 6), generator: models.first },
    { instruction: `Explain a hash map (${i}, ${stamp}).`, output: longAnswer(`the second text ${i}`, 4), generator: models.second },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1, undoSeconds: 60, issues: ISSUES });
  const received: string[] = [];
  page.on("response", async (response) => {
    received.push(JSON.stringify(response.headers()));
    received.push(await response.text().catch(() => ""));
  });
  await joinAsNewRater(page, inviteToken, studyId, "issues");
  await expect(pairProgress(page, 1)).toBeVisible();
  const votes = recordVotes(page) as { choice: string; issues?: unknown }[];
  // Which model's text is A: the page never says, the test knows the texts.
  const firstIsA = (await answerText(page, "A").textContent())!.includes("the first text");
  const sides = firstIsA ? { A: models.first, B: models.second } : { A: models.second, B: models.first };

  // A with the mouse, B with its key (⇧7: B's second issue); on a phone each behind its tab.
  await readBoth(page);
  await showAnswer(page, "A");
  await tick(page, "A", "Factual error / hallucination").click();
  await showAnswer(page, "B");
  await page.keyboard.press("Shift+Digit7");
  await expect(tick(page, "B", "Harmful or toxic content")).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "B: Harmful or toxic content marked." })).toBeAttached();
  await tick(page, "B", "Harmful or toxic content").scrollIntoViewIfNeeded();
  await screenshot(page, info);
  // The A | B switch keeps both answers' ticks.
  await showAnswer(page, "A");
  await expect(tick(page, "A", "Factual error / hallucination")).toBeChecked();
  await expect(ticked(page)).toHaveCount(2);
  await expectNoSeriousViolations(page, "a pair with issues ticked");
  await voteButton(page, "A is better").click();

  // The next pair starts with none; undo brings pair 1 back with none ticked either.
  await expect(pairProgress(page, 2)).toBeVisible();
  expect(votes[0]).toMatchObject({ choice: "LEFT", issues: { left: ["factual-error"], right: ["harmful"] } });
  await expect(ticked(page)).toHaveCount(0);
  await expect.poll(() => storedTicks(admin, studyId)).toEqual([`${sides.A}: factual-error`, `${sides.B}: harmful`].sort());
  await lastVote(page).getByRole("button", { name: "Undo" }).click();
  await expect(lastVote(page)).toContainText("Vote undone on pair 1");
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(ticked(page)).toHaveCount(0);
  await expect.poll(() => storedTicks(admin, studyId)).toEqual([]);

  // Voted again with other ticks (⇧0: B's fifth issue): only these are stored.
  await readBoth(page);
  await showAnswer(page, "A");
  await tick(page, "A", "Refusal or evasion").click();
  await showAnswer(page, "B");
  await page.keyboard.press("Shift+Digit0");
  await expect(tick(page, "B", "Does not follow the instruction")).toBeChecked();
  await page.keyboard.press("2");
  await expect(pairProgress(page, 2)).toBeVisible();
  expect(votes[1]).toMatchObject({ choice: "RIGHT", issues: { left: ["refusal"], right: ["off-instruction"] } });

  // A vote with nothing ticked sends no issues.
  await readBoth(page);
  await page.keyboard.press("3");
  await expect(page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  expect(votes[2]).toEqual({ choice: "TIE", assignmentId: expect.any(String), seenBothMs: expect.any(Number) });
  expect(await storedTicks(admin, studyId)).toEqual([`${sides.A}: refusal`, `${sides.B}: off-instruction`].sort());

  // Blinding: nothing the browser received names a model.
  const everything = received.join("\n");
  expect(everything).toContain("Factual error / hallucination");
  expect(everything).not.toContain(models.first);
  expect(everything).not.toContain(models.second);
  await admin.dispose();
});
