// The vote shortcuts: a vote is one deliberate key press, on a pair the rater has seen.
import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { instruction, joinAsNewRater, pairProgress, readBoth, recordVotes } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

/** A fresh rater on the rate page of a new three-pair study, the first pair shown. */
async function ratingThreePairs(page: Page, tag: string) {
  const stamp = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await signInOverHttp(page.request, "ADMIN");
  const rows = [1, 2, 3].flatMap((i) => [
    { instruction: `Keys prompt ${i} (${stamp})`, output: `first ${i}`, generator: `keys-a-${stamp}` },
    { instruction: `Keys prompt ${i} (${stamp})`, output: `second ${i}`, generator: `keys-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, { votesPerPair: 1 });
  await joinAsNewRater(page, inviteToken, studyId, "keys");
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(instruction(page)).toBeVisible();
}

test("a held key votes once: its auto-repeat never votes on the next pair", async ({ page }) => {
  await ratingThreePairs(page, "held");
  const votes = recordVotes(page);
  await readBoth(page);
  const first = await instruction(page).textContent();
  await page.keyboard.down("2");
  await expect(instruction(page)).not.toHaveText(first!);
  await expect(pairProgress(page, 2)).toBeVisible();
  const second = await instruction(page).textContent();
  // The second pair read and taking votes, the key still held: Chromium sends these as repeats of
  // the same press (repeat: true), each handled before down() returns.
  await readBoth(page);
  for (let i = 0; i < 5; i++) await page.keyboard.down("2");
  await page.keyboard.up("2");

  // The next deliberate press is the second vote, on the second pair: had a repeat voted, this one
  // would have gone to the third pair after a second "2".
  await page.keyboard.press("1");
  await expect(instruction(page)).not.toHaveText(second!);
  await expect(pairProgress(page, 3)).toBeVisible();
  expect(votes.map((v) => v.choice)).toEqual(["RIGHT", "LEFT"]);
});

test("a key pressed as the next pair appears casts no vote; one after the pair has settled does", async ({ page }) => {
  await ratingThreePairs(page, "early");
  const votes = recordVotes(page);
  await readBoth(page);
  // A fast rater's "2", at the earliest moment: as soon as the DOM shows the next pair (a mutation
  // observer runs before the browser paints and before React's passive effects).
  await page.evaluate(() => {
    const text = () => document.getElementById("instruction-heading")?.parentElement?.textContent;
    let shown = text();
    new MutationObserver((_, observer) => {
      if (text() === shown) return;
      shown = text();
      observer.disconnect();
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { key: "2", bubbles: true }));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const first = await instruction(page).textContent();
  await page.keyboard.press("1");
  await expect(instruction(page)).not.toHaveText(first!);
  await expect(pairProgress(page, 2)).toBeVisible();
  const second = await instruction(page).textContent();

  // The early "2" did nothing; the same key once the pair is read and settled votes on it.
  await readBoth(page);
  await page.keyboard.press("2");
  await expect(instruction(page)).not.toHaveText(second!);
  await expect(pairProgress(page, 3)).toBeVisible();
  expect(votes.map((v) => v.choice)).toEqual(["LEFT", "RIGHT"]);
});

test("on a layout whose digits need Shift (AZERTY), the digit row's keys vote unshifted", async ({ page }) => {
  await ratingThreePairs(page, "azerty");
  const votes = recordVotes(page);
  await readBoth(page);
  // AZERTY's unshifted "2" key types "é": the key's place (code Digit2) is what votes.
  await page.evaluate(() =>
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { key: "é", code: "Digit2", bubbles: true, cancelable: true })));
  await expect(pairProgress(page, 2)).toBeVisible();
  expect(votes.map((v) => v.choice)).toEqual(["RIGHT"]);
});
