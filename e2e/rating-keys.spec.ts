// The vote shortcuts: a vote is one deliberate key press, on the pair the rater sees.
import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

/** A fresh rater on the rate page of a new three-pair study, the first pair shown. */
async function ratingThreePairs(page: Page, tag: string) {
  const stamp = `${tag}-${Date.now()}`;
  const admin = page.request;
  await signInOverHttp(admin, "ADMIN");
  const rows = [1, 2, 3].flatMap((i) => [
    { instruction: `Keys prompt ${i} (${stamp})`, output: `first ${i}`, generator: `keys-a-${stamp}` },
    { instruction: `Keys prompt ${i} (${stamp})`, output: `second ${i}`, generator: `keys-b-${stamp}` },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1 });
  await page.context().clearCookies();
  await page.goto(`/join/${inviteToken}`);
  await page.getByLabel("Email").fill(`keys-${stamp}@example.com`);
  await page.getByLabel(/Choose a password/).fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);
  await expect(page.getByRole("button", { name: "A is better" })).toBeEnabled();
  return page.getByRole("region", { name: /Instruction/ });
}

test("a held key votes once: its auto-repeat never votes on the next pair", async ({ page }) => {
  const instruction = await ratingThreePairs(page, "held");
  const choices: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/votes")) choices.push(JSON.parse(request.postData()!).choice);
  });
  const first = await instruction.textContent();
  await page.keyboard.down("2");
  await expect(instruction).not.toHaveText(first!);
  await expect(page.getByText("You have judged 1 pair.")).toBeVisible();
  const second = await instruction.textContent();
  // Still held: Chromium sends these as repeats of the same press, each handled before down() returns.
  for (let i = 0; i < 5; i++) await page.keyboard.down("2");
  await page.keyboard.up("2");
  // So nothing was sent: the second pair is still there, its buttons not waiting for a request.
  expect(await page.getByRole("button", { name: "A is better" }).isEnabled()).toBe(true);

  // The next deliberate press is the second vote, on the second pair.
  await page.keyboard.press("1");
  await expect(instruction).not.toHaveText(second!);
  await expect(page.getByText("You have judged 2 pairs.")).toBeVisible();
  expect(choices).toEqual(["RIGHT", "LEFT"]);
});

test("a key pressed as the next pair appears votes on that pair", async ({ page }) => {
  const instruction = await ratingThreePairs(page, "early");
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
  const first = await instruction.textContent();
  await page.keyboard.press("1");
  await expect(instruction).not.toHaveText(first!);
  await expect(page.getByText("You have judged 2 pairs.")).toBeVisible();
});
