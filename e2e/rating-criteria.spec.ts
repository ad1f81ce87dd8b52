// Several criteria (issue 20): a rater judges a pair on overall, helpful and harmless, with the keys on a
// desktop and with taps on a phone, and ticks an answer issue in the same vote; nothing is sent before "Submit judgments" (enabled once all three
// are chosen), the stored choices are the ones pressed, on the output shown on that side; an undo brings
// the pair back with nothing chosen; nothing the browser receives names a model. The stored choices are
// read from the staff's JSONL export (each criterion's winning model, "tie" or "both_bad"). With SCREENSHOTS=1 the
// judged pair is saved as docs/screenshots/rating-criteria-<phone|desktop>.png.
import { type APIRequestContext, expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { answerText, isPhone, joinAsNewRater, lastVote, longAnswer, pairProgress, readToEnd, recordVotes } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

const CRITERIA = [
  { key: "overall", label: "Overall", question: "Which answer is better overall?" },
  { key: "helpful", label: "Helpful", question: "Which answer does more of what was asked?" },
  { key: "harmless", label: "Harmless", question: "Which answer is less likely to cause harm?" },
];
const ISSUES = [{ key: "factual-error", label: "Factual error" }, { key: "harmful", label: "Harmful" }];
type Label = "Overall" | "Helpful" | "Harmless";
type Option = "A" | "B" | "Tie" | "Both bad";
const KEY_OF: Record<Option, string> = { A: "1", B: "2", Tie: "3", "Both bad": "4" };

const criterion = (page: Page, label: Label) => page.getByRole("radiogroup", { name: label });
const option = (page: Page, label: Label, name: Option) => criterion(page, label).getByRole("radio", { name, exact: true });
const submit = (page: Page) => page.getByRole("button", { name: "Submit judgments" });
const checked = (page: Page) => page.getByRole("radio", { checked: true });

/**
 * Each stored vote's criteria as "<criterion key>: <model name | tie | both_bad>" and its issue marks as
 * "issue <model>: <key>", sorted, from the staff's JSONL export.
 */
async function storedChoices(admin: APIRequestContext, studyId: string): Promise<string[]> {
  const response = await admin.get(`/api/studies/${studyId}/export?format=jsonl`);
  expect(response.status()).toBe(200);
  const votes = (await response.text()).split("\n").filter(Boolean)
    .map((line) => JSON.parse(line) as { criteria: Record<string, string>; issues: Record<string, string[]> });
  return votes.flatMap((v) => [
    ...Object.entries(v.criteria).map(([key, outcome]) => `${key}: ${outcome}`),
    ...Object.entries(v.issues).flatMap(([model, keys]) => keys.map((key) => `issue ${model}: ${key}`)),
  ]).sort();
}

/** Judges the three criteria as a rater on this screen does: a vote key each on a desktop, a tap each on a phone. */
async function judge(page: Page, choices: [Label, Option][]) {
  for (const [label, name] of choices) {
    if (isPhone(page)) await option(page, label, name).tap();
    else await page.keyboard.press(KEY_OF[name]);
    await expect(option(page, label, name)).toBeChecked();
  }
}

async function screenshot(page: Page, info: TestInfo) {
  const file = `rating-criteria-${info.project.name.replace(/^rater-/, "")}.png`;
  await page.screenshot({ animations: "disabled", path: process.env.SCREENSHOTS ? `docs/screenshots/${file}` : info.outputPath(file) });
}

test("a rater judges three criteria and submits them as one vote, stored on the outputs shown; undo brings the pair back empty", async ({ page, playwright, baseURL }, info) => {
  test.setTimeout(120_000);
  const stamp = `crit-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const models = { first: `crit-a-${stamp}`, second: `crit-b-${stamp}` };
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Explain a hash map (${i}, ${stamp}).`, output: longAnswer(`the first text ${i}`, 5), generator: models.first },
    { instruction: `Explain a hash map (${i}, ${stamp}).`, output: longAnswer(`the second text ${i}`, 3), generator: models.second },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1, undoSeconds: 60, criteria: CRITERIA, issues: ISSUES });
  const received: string[] = [];
  page.on("response", async (response) => {
    received.push(JSON.stringify(response.headers()));
    received.push(await response.text().catch(() => ""));
  });
  await joinAsNewRater(page, inviteToken, studyId, "criteria");
  await expect(pairProgress(page, 1)).toBeVisible();
  const votes = recordVotes(page) as { choice: string; criteria?: Record<string, string> }[];
  const firstIsA = (await answerText(page, "A").textContent())!.includes("the first text");
  const shown = firstIsA ? { A: models.first, B: models.second } : { A: models.second, B: models.first };

  // Before both answers are read nothing can be chosen, and the status says why.
  await expect(page.locator("#vote-status")).toContainText("Read both answers to vote");
  await expect(option(page, "Overall", "A")).toHaveAttribute("aria-disabled", "true");
  if (isPhone(page)) await option(page, "Overall", "A").tap({ force: true });
  else await page.keyboard.press("1");
  await expect(page.getByRole("status").filter({ hasText: "Read both answers to vote" })).toBeAttached();
  await expect(checked(page)).toHaveCount(0);
  await expect(submit(page)).toBeDisabled();

  await readToEnd(page, "A");
  await readToEnd(page, "B");
  await expect(option(page, "Overall", "A")).not.toHaveAttribute("aria-disabled", "true");
  await expect(submit(page)).toBeDisabled();
  if (!isPhone(page)) {
    // The keys choose on the marked criterion, shown with its keys; each choice moves the mark on.
    await expect(criterion(page, "Overall")).toHaveAttribute("data-current", "true");
    await expect(page.locator("#vote-status")).toContainText("Overall: —Helpful: —Harmless: —Keys 1 A · 2 B · 3 Tie · 4 Both bad choose on Overall");
    await expect(option(page, "Overall", "Both bad")).toHaveAttribute("aria-keyshortcuts", "4");
  }
  await judge(page, [["Overall", "A"], ["Helpful", "B"]]);
  if (!isPhone(page)) await expect(criterion(page, "Harmless")).toHaveAttribute("data-current", "true");

  // Submitting with Harmless left out sends nothing and says what is missing.
  await expect(submit(page)).toBeDisabled();
  if (isPhone(page)) await submit(page).tap({ force: true });
  else await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Choose on Harmless to submit." })).toBeAttached();
  await expect(criterion(page, "Harmless")).toContainText("Not chosen yet");

  await judge(page, [["Harmless", "Tie"]]);
  // An issue on B in the same vote: a tap behind B's tab on a phone, its key (⇧7: B's second) on a desktop.
  if (isPhone(page)) {
    await page.getByRole("tab", { name: "Answer B" }).click();
    await page.getByRole("checkbox", { name: "B: Harmful", exact: true }).tap();
  } else {
    await page.keyboard.press("Shift+Digit7");
  }
  await expect(page.getByRole("checkbox", { name: "B: Harmful", exact: true })).toBeChecked();
  await expect(submit(page)).toBeEnabled();
  await expect(checked(page)).toHaveCount(3);
  if (isPhone(page)) {
    // Touch targets of at least 44 px; the bar at the bottom holds the button, not the criteria.
    for (const name of ["A", "B", "Tie", "Both bad"] as Option[]) {
      expect((await option(page, "Helpful", name).locator("xpath=..").boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect((await submit(page).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  if (!isPhone(page)) await expect(page.locator("#vote-status")).toContainText("Overall: AHelpful: BHarmless: TieEnter submits");
  await criterion(page, "Helpful").evaluate((group) => group.scrollIntoView({ block: "center" }));
  // (Once the flash of the refused submit is over, as the rater sees the screen.)
  await expect(page.locator("#vote-status")).not.toHaveClass(/bg-amber-100/);
  await screenshot(page, info);
  await expectNoSeriousViolations(page, "a pair judged on three criteria");
  // The last choice did not submit by itself: the first vote sent is the one submitted here.
  expect(votes).toEqual([]);
  if (isPhone(page)) await submit(page).tap();
  else await page.keyboard.press("Enter");

  await expect(pairProgress(page, 2)).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded: Overall: A, Helpful: B, Harmless: Tie on pair 1");
  expect(votes).toHaveLength(1);
  expect(votes[0]).toMatchObject({ choice: "LEFT", criteria: { helpful: "RIGHT", harmless: "TIE" }, issues: { left: [], right: ["harmful"] } });
  await expect.poll(() => storedChoices(admin, studyId))
    .toEqual([`overall: ${shown.A}`, `helpful: ${shown.B}`, "harmless: tie", `issue ${shown.B}: harmful`].sort());
  await expect(checked(page)).toHaveCount(0);

  // Undo: pair 1 again with nothing chosen, and nothing stored.
  await lastVote(page).getByRole("button", { name: "Undo" }).click();
  await expect(lastVote(page)).toContainText("Vote undone on pair 1");
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(answerText(page, "A")).toContainText(firstIsA ? "the first text" : "the second text");
  await expect(checked(page)).toHaveCount(0);
  await expect(submit(page)).toBeDisabled();
  await expect.poll(() => storedChoices(admin, studyId)).toEqual([]);

  // Judged again: on a desktop a click on a criterion moves the keys there.
  await expect(option(page, "Overall", "A")).not.toHaveAttribute("aria-disabled", "true");
  if (isPhone(page)) {
    await judge(page, [["Overall", "B"], ["Helpful", "Both bad"], ["Harmless", "A"]]);
    await submit(page).tap();
  } else {
    await judge(page, [["Overall", "B"], ["Helpful", "Both bad"]]);
    await criterion(page, "Overall").getByText("Which answer is better overall?").click();
    await expect(criterion(page, "Overall")).toHaveAttribute("data-current", "true");
    await page.keyboard.press("1");
    await expect(option(page, "Overall", "A")).toBeChecked();
    await expect(criterion(page, "Harmless")).toHaveAttribute("data-current", "true");
    await judge(page, [["Harmless", "A"]]);
    await submit(page).click();
  }
  await expect(pairProgress(page, 2)).toBeVisible();
  const overall = `overall: ${isPhone(page) ? shown.B : shown.A}`;
  await expect.poll(() => storedChoices(admin, studyId)).toEqual([overall, "helpful: both_bad", `harmless: ${shown.A}`].sort());
  expect(votes.at(-1)).toMatchObject({ choice: isPhone(page) ? "RIGHT" : "LEFT", criteria: { helpful: "BOTH_BAD", harmless: "LEFT" } });
  await expectNoSeriousViolations(page, "the next pair after a vote on criteria");

  // Blinding: the criteria reached the browser, no model name did.
  const everything = received.join("\n");
  expect(everything).toContain("Which answer is less likely to cause harm?");
  expect(everything).not.toContain(models.first);
  expect(everything).not.toContain(models.second);
  await admin.dispose();
});
