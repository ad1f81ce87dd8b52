// A study's information and consent page comes before the first pair (invited raters, study-link
// raters and crowd entry alike), the API refuses pairs before it, declining says how to leave; and
// a crowd participant the pairs ran out for before the minimum gets the screen-out code, not the
// completion code. axe and screenshots of the consent and screen-out screens at both sizes.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";
import { expectNoSeriousViolations } from "./fixtures/axe";

// Several accounts, pages and axe runs per test on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const tag = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

const CONSENT = [
  "## What you will do",
  "You compare two answers to the same instruction and pick the better one, for about **15 minutes**.",
  "",
  "- Your answers are stored under a pseudonym.",
  "- You may stop at any time.",
  "",
  "Questions: [the study team](https://example.org/contact).",
].join("\n");

const rowsFor = (stamp: string, count: number) => Array.from({ length: count }, (_, i) => i + 1).flatMap((i) => [
  { instruction: `Consent prompt ${i} (${stamp})`, output: `first answer ${i}`, generator: `consent-a-${stamp}` },
  { instruction: `Consent prompt ${i} (${stamp})`, output: `second answer ${i}`, generator: `consent-b-${stamp}` },
]);

async function screenshot(page: Page, info: TestInfo, name: string) {
  const file = `${name}-${info.project.name.replace(/^rater-/, "")}.png`;
  await page.screenshot({ animations: "disabled", fullPage: true, path: process.env.SCREENSHOTS ? `docs/screenshots/${file}` : info.outputPath(file) });
}

const consentHeading = (page: Page) => page.getByRole("heading", { name: "Information and consent" });

test("an invited rater reads and accepts the consent page before the first pair; the API refuses pairs until then", async ({ page, browser, baseURL }, info) => {
  const stamp = tag();
  await signInOverHttp(page.request, "ADMIN");
  const { studyId } = await openStudyFromRows(page.request, rowsFor(stamp, 2), { votesPerPair: 1, consentText: CONSENT });
  const email = `consent-${stamp}@example.com`;
  const added = await page.request.post(`/api/studies/${studyId}/raters`, { data: { emails: email } });
  const { invited } = (await added.json()) as { invited: { link: string }[] };

  const rater = await browser.newContext({ baseURL, viewport: page.viewportSize() });
  const raterPage = await rater.newPage();
  await raterPage.goto(invited[0]!.link);
  await raterPage.getByLabel(/Choose a password/).fill("a long enough password");
  await raterPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(raterPage).toHaveURL(`/studies/${studyId}/rate`);

  await expect(consentHeading(raterPage)).toBeVisible();
  await expect(raterPage.getByRole("heading", { name: "What you will do" })).toBeVisible();
  await expect(raterPage.getByRole("link", { name: "the study team" })).toHaveAttribute("href", "https://example.org/contact");
  await expect(pairProgress(raterPage, 1)).toBeHidden();
  const refused = await raterPage.request.get(`/api/studies/${studyId}/next`);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "consent_required" } });
  await screenshot(raterPage, info, "consent");
  await expectNoSeriousViolations(raterPage, "the consent page");

  await raterPage.getByRole("button", { name: "I agree, start rating" }).click();
  await expect(pairProgress(raterPage, 1)).toBeVisible();
  await raterPage.reload();
  await expect(pairProgress(raterPage, 1)).toBeVisible();
  await expect(consentHeading(raterPage)).toBeHidden();
  expect((await raterPage.request.get(`/api/studies/${studyId}/next`)).status()).toBe(200);
  await rater.close();
});

test("crowd entry shows the consent page first; declining says to return the study, and accepting later still works", async ({ page }, info) => {
  const stamp = tag();
  await signInOverHttp(page.request, "ADMIN");
  const { studyId, crowdToken } = await openStudyFromRows(page.request, rowsFor(stamp, 1), { votesPerPair: 1, crowdEnabled: true, consentText: CONSENT });
  await page.context().clearCookies();
  await page.goto(`/crowd/${crowdToken}?PROLIFIC_PID=5f00aa11bb22cc33dd44ff${stamp.slice(-2)}&SESSION_ID=${stamp}`);
  // Crowd entry signs the participant in first ("Starting your session…"): slow on a loaded machine.
  await expect(page).toHaveURL(`/studies/${studyId}/rate`, { timeout: 20_000 });
  await expect(consentHeading(page)).toBeVisible();
  expect((await page.request.get(`/api/studies/${studyId}/next`)).status()).toBe(403);

  await page.getByRole("button", { name: "I do not agree" }).click();
  const status = page.getByRole("status").filter({ hasText: "You did not agree to take part" });
  await expect(status).toContainText("You can close this page now.");
  await expect(status).toContainText("return the study");
  await screenshot(page, info, "consent-declined");
  await expectNoSeriousViolations(page, "the declined consent");
  expect((await page.request.get(`/api/studies/${studyId}/next`)).status()).toBe(403);

  await page.getByRole("button", { name: "Read the information again" }).click();
  await page.getByRole("button", { name: "I agree, start rating" }).click();
  await expect(pairProgress(page, 1)).toBeVisible();
});

test("a crowd participant the pairs run out for before the minimum gets the screen-out code, not the completion code", async ({ page }, info) => {
  const stamp = tag();
  await signInOverHttp(page.request, "ADMIN");
  const { studyId, crowdToken } = await openStudyFromRows(page.request, rowsFor(stamp, 2), {
    votesPerPair: 1, crowdEnabled: true, minVotesForCompletion: 3, completionCode: "DONE-5511",
    screenOutCode: "SCREEN-7788", screenOutUrl: "https://app.prolific.com/submissions/complete?cc=SCREEN-7788",
  });
  await page.context().clearCookies();
  await page.goto(`/crowd/${crowdToken}?PROLIFIC_PID=5f00aa11bb22cc33dd44ee${stamp.slice(-2)}&SESSION_ID=${stamp}`);
  // Crowd entry signs the participant in first ("Starting your session…"): slow on a loaded machine.
  await expect(page).toHaveURL(`/studies/${studyId}/rate`, { timeout: 20_000 });
  for (const n of [1, 2]) {
    await expect(pairProgress(page, n)).toBeVisible();
    await readBoth(page);
    await voteButton(page, "A is better").click();
  }
  const screen = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "No pairs are left for you" }) });
  await expect(screen).toContainText("Your screen-out code: SCREEN-7788");
  await expect(screen).toContainText("This is not the completion code");
  await expect(screen.getByRole("link", { name: "Return to the study platform" }))
    .toHaveAttribute("href", "https://app.prolific.com/submissions/complete?cc=SCREEN-7788");
  await expect(page.getByText("DONE-5511")).toBeHidden();
  await screenshot(page, info, "screen-out");
  await expectNoSeriousViolations(page, "the screen-out screen");
});
