// No vote the rater did not mean: votes count only once both answers were seen (their end on screen,
// or keyboard focus inside), the vote bar stays in reach on long pairs, and code scrolls from the keyboard.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import {
  answer, instruction, inViewport, isPhone, joinAsNewRater, lastVote, longAnswer, pairProgress, readBoth, readToEnd, recordVotes, voteButton,
} from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

/** A fresh rater on a new study of one pair with these answers as A and B (sides are shuffled, so by text). */
async function ratingOnePair(page: Page, tag: string, first: string, second: string) {
  const stamp = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signInOverHttp(page.request, "ADMIN");
  const { studyId, inviteToken } = await openStudyFromRows(page.request, [
    { instruction: `Explain it (${stamp})`, output: first, generator: `prot-a-${stamp}` },
    { instruction: `Explain it (${stamp})`, output: second, generator: `prot-b-${stamp}` },
  ], { votesPerPair: 1 });
  await joinAsNewRater(page, inviteToken, studyId, tag);
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(instruction(page)).toBeVisible();
}

/** The side showing `text` (the server shuffles which output is A). */
async function sideOf(page: Page, text: string): Promise<"A" | "B"> {
  return (await answer(page, "A").textContent())?.includes(text) ? "A" : "B";
}

test("a key pressed before both answers were seen casts no vote, and the buttons say why", async ({ page }) => {
  await ratingOnePair(page, "unseen", "A short answer.", longAnswer("the long answer"));
  const votes = recordVotes(page);
  const long = await sideOf(page, "the long answer");
  const a = voteButton(page, "A is better");

  // The short answer is seen at once on a desktop; the long one's end is below the fold (on a phone
  // it may also sit behind the switch).
  const status = page.locator("#vote-status");
  await expect(status).toContainText("Read both answers to vote");
  // (On a phone the other answer may not have been opened yet either.)
  await expect(status).toContainText(isPhone(page) ? new RegExp(`(${long} is|A and B are) unread`) : `end of answer ${long}`);
  await expect(a).toHaveAttribute("aria-disabled", "true");
  await expect(a).toHaveAccessibleDescription(/Read both answers to vote/);

  await page.keyboard.press("1");
  await a.click({ force: true });
  // The refusal is said in the polite live region, and nothing was sent.
  await expect(page.getByRole("status").filter({ hasText: "Read both answers to vote" })).toBeAttached();
  expect(votes).toEqual([]);

  // Reading both to the end makes the same key count, once, with when both were seen.
  await readToEnd(page, "A");
  await readToEnd(page, "B");
  await expect(a).toBeEnabled();
  await expect(a).not.toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("1");
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  expect(votes).toHaveLength(1);
  expect(votes[0]).toMatchObject({ choice: "LEFT", seenBothMs: expect.any(Number) });
});

test("on a long pair the vote bar is in view from the start and takes votes once both answers were read", async ({ page }) => {
  await ratingOnePair(page, "long", longAnswer("first answer"), longAnswer("second answer"));
  const b = voteButton(page, "B is better");
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(page.viewportSize()!.height * 2);
  expect(await inViewport(page, b)).toBe(true);
  await expect(b).toHaveAttribute("aria-disabled", "true");

  await readToEnd(page, "A");
  expect(await inViewport(page, b)).toBe(true);

  if (isPhone(page)) {
    await expect(b).toHaveAttribute("aria-disabled", "true");
    // One answer at a time: B is behind the switch, which opens it at its start ...
    await expect(answer(page, "B")).toBeHidden();
    await page.getByRole("tab", { name: "Answer B" }).click();
    await expect(page.getByRole("tab", { name: "Answer B" })).toHaveAttribute("aria-selected", "true");
    await expect(answer(page, "A")).toBeHidden();
    await expect(answer(page, "B").getByRole("heading", { name: "Answer text second answer" }).or(
      answer(page, "B").getByRole("heading", { name: "Answer text first answer" }))).toBeInViewport();
    await readToEnd(page, "B");
    // ... and each answer keeps its own place: back to A is back at A's end.
    await page.getByRole("tab", { name: "Answer A" }).click();
    await expect(answer(page, "A").locator("[data-answer-end]")).toBeInViewport();
    await expect(answer(page, "A").getByRole("heading").first()).not.toBeInViewport();
  } else {
    // Side by side on a desktop.
    const [boxA, boxB] = [await answer(page, "A").boundingBox(), await answer(page, "B").boundingBox()];
    expect(boxB!.x).toBeGreaterThan(boxA!.x + boxA!.width - 1);
    await readToEnd(page, "B");
  }
  await expect(b).toBeEnabled();
  expect(await inViewport(page, b)).toBe(true);
  await b.click();
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 1");
});

// The longest answer of each AlpacaEval model file (6,630 and 2,271 characters), as the two answers
// of one pair: real markdown, real lengths.
const DATA = path.resolve(process.cwd(), "../shared/data");
function longestAnswer(file: string): string {
  const rows = JSON.parse(readFileSync(path.join(DATA, file), "utf8")) as { output: string }[];
  return rows.reduce((a, b) => (b.output.length > a.output.length ? b : a)).output;
}

test("with the two longest AlpacaEval answers the rater switches A and B in one tap each and the vote bar stays in reach", async ({ page }) => {
  test.skip(!existsSync(DATA), "skipped: ../shared/data (real model outputs) is absent");
  const davinci = longestAnswer("alpaca_eval.text_davinci_003.model_outputs.json");
  const alpaca = longestAnswer("alpaca_eval.alpaca-7b.model_outputs.json");
  await ratingOnePair(page, "alpaca-longest", davinci, alpaca);
  const b = voteButton(page, "B is better");
  expect(await inViewport(page, b)).toBe(true);
  if (isPhone(page)) {
    await readToEnd(page, "A");
    // One tap shows B at its start; one tap back shows A where the rater left it (its end).
    await page.getByRole("tab", { name: "Answer B" }).click();
    await expect(answer(page, "B")).toBeVisible();
    await expect(answer(page, "A")).toBeHidden();
    await readToEnd(page, "B");
    await page.getByRole("tab", { name: "Answer A" }).click();
    await expect(answer(page, "A").locator("[data-answer-end]")).toBeInViewport();
  } else {
    await readBoth(page);
  }
  expect(await inViewport(page, b)).toBe(true);
  await expect(b).toBeEnabled();
  await b.click();
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 1");
});

test("keyboard only: focus moved into each answer counts as seen, and a code block scrolls from the keyboard", async ({ page }) => {
  await ratingOnePair(page, "keyboard", longAnswer("first answer"), longAnswer("second answer"));
  const votes = recordVotes(page);
  const focusedIn = (side: "A" | "B") => answer(page, side).evaluate((el) => el.contains(document.activeElement));
  const tabUntil = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 40 && !(await done()); i++) await page.keyboard.press("Tab");
    expect(await done()).toBe(true);
  };

  await tabUntil(() => focusedIn("A"));
  if (isPhone(page)) {
    // The switch is a tab list: arrow keys move between A and B, Tab goes into the answer shown.
    await page.keyboard.press("Shift+Tab");
    await expect(page.getByRole("tab", { name: "Answer A" })).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Answer B" })).toBeFocused();
    await expect(answer(page, "B")).toBeVisible();
  }
  await tabUntil(() => focusedIn("B"));

  // In B: the code block is the next stop; its long line scrolls with the arrow keys (no vote).
  const code = answer(page, "B").getByRole("group", { name: /^Code/ });
  await tabUntil(() => code.evaluate((el) => el === document.activeElement));
  await expect(code).toHaveAccessibleName("Code, scrolls sideways");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => code.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(votes).toEqual([]);

  await expect(voteButton(page, "B is better")).toBeEnabled();
  await page.keyboard.press("2");
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 1");
  expect(votes.map((v) => v.choice)).toEqual(["RIGHT"]);
});
