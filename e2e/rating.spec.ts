// A rater joins through the invitation link and judges every pair, by mouse and keyboard, while
// everything the browser receives is recorded and searched for the models' names.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { answer, instruction, lastVote, pairProgress, readBoth, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const ALPHA = `e2e-alpha-${stamp}`;
const BETA = `e2e-beta-${stamp}`;
const XSS = `Answer with markup: <script>window.__pwned = 1</script> <img src="x" onerror="window.__pwned = 2"> **bold**`;

const rows = [
  { instruction: `Name a primary colour (${stamp}).`, output: "Red.", generator: ALPHA },
  { instruction: `Name a primary colour (${stamp}).`, output: XSS, generator: BETA },
  { instruction: `Add 2 and 3 (${stamp}).`, output: "5", generator: ALPHA },
  { instruction: `Add 2 and 3 (${stamp}).`, output: "Five.", generator: BETA },
  { instruction: `Say hello in French (${stamp}).`, input: "informal", output: "Salut !", generator: ALPHA },
  { instruction: `Say hello in French (${stamp}).`, input: "informal", output: "Bonjour.", generator: BETA },
];

test("a rater joins by invitation, votes by mouse and keyboard, and never receives a model name", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const { studyId, inviteToken } = await openStudyFromRows(admin, rows, { votesPerPair: 1, guidelines: "Prefer the **correct** answer." });

  const received: string[] = [];
  page.on("response", async (response) => {
    received.push(JSON.stringify(response.headers()));
    try {
      received.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });

  await page.goto(`/join/${inviteToken}`);
  await page.getByLabel("Email").fill(`rater-${stamp}@example.com`);
  await page.getByLabel(/Choose a password/).fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);

  await expect(page.getByRole("heading", { name: "Before you start: the guidelines" })).toBeVisible();
  await page.getByRole("button", { name: "Start rating" }).click();

  // Pair 1, with the mouse, once both answers were read (on a phone: A, then B behind the switch).
  await expect(pairProgress(page, 1)).toBeVisible();
  await expect(answer(page, "A")).toBeVisible();
  // A study that asks for no issues shows no issue boxes.
  await expect(page.getByRole("group", { name: /^Issues with/ })).toHaveCount(0);
  await readBoth(page);
  const firstInstruction = await instruction(page).textContent();
  await voteButton(page, "A is better").click();

  // Pair 2, with the keyboard ("2" = B is better), once it is shown and takes votes.
  await expect(instruction(page)).not.toHaveText(firstInstruction!);
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  await expect(pairProgress(page, 2)).toBeVisible();
  const secondInstruction = await instruction(page).textContent();
  await readBoth(page);
  await page.keyboard.press("2");

  // Pair 3, with the Tie key.
  await expect(instruction(page)).not.toHaveText(secondInstruction!);
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 2");
  await expect(pairProgress(page, 3)).toBeVisible();
  await readBoth(page);
  await page.keyboard.press("3");

  await expect(page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  await expect(lastVote(page)).toContainText("Recorded: Tie on pair 3");
  await expect(page.getByText("3 pairs judged", { exact: true })).toBeVisible();

  // The markup in an answer was shown or stripped, never run.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Blinding: nothing the browser received names a model.
  const everything = received.join("\n");
  expect(everything.length).toBeGreaterThan(1000);
  expect(everything).not.toContain(ALPHA);
  expect(everything).not.toContain(BETA);

  // Every vote was recorded once.
  const { study } = (await (await admin.get(`/api/studies/${studyId}`)).json()) as { study: { votes: number; pairsComplete: number } };
  expect(study).toMatchObject({ votes: 3, pairsComplete: 3 });
  await admin.dispose();
});

test("a crowd participant enters with only a platform id, gets the completion code, and resumes only in the same browser", async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const crowd = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { studyId, inviteToken, crowdToken } = await openStudyFromRows(admin, [
    { instruction: `Crowd prompt ${crowd}`, output: "first", generator: `crowd-a-${crowd}` },
    { instruction: `Crowd prompt ${crowd}`, output: "second", generator: `crowd-b-${crowd}` },
  ], {
    votesPerPair: 1, crowdEnabled: true, completionCode: "C0DE-4242",
    guidelines: "<script>window.__pwned = 9</script>Be fair.",
  });
  await admin.dispose();
  const query = `?PROLIFIC_PID=5f00aa11bb22cc33dd44ee55&STUDY_ID=s&SESSION_ID=${crowd}`;

  // The study's invitation link is not a crowd link.
  await page.goto(`/crowd/${inviteToken}${query}`);
  await expect(page.getByRole("heading", { name: "Study link not valid" })).toBeVisible();

  await page.goto(`/crowd/${crowdToken}${query}`);
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);
  await expect(page.getByText("Be fair.").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.getByRole("button", { name: "Start rating" }).click();
  await readBoth(page);
  await voteButton(page, "Tie").click();
  await expect(page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  await expect(page.getByText("C0DE-4242")).toBeVisible();
  // The vote is confirmed, but with the code shown it can no longer be undone, so no Undo is offered.
  await expect(lastVote(page)).toContainText("Recorded: Tie on pair 1");
  await expect(lastVote(page).getByRole("button", { name: "Undo" })).toBeHidden();

  // Someone else with the same participant id, in another browser, does not become this participant.
  const elsewhere = await browser.newContext({ baseURL });
  const other = await elsewhere.newPage();
  await other.goto(`/crowd/${crowdToken}${query}`);
  await expect(other.getByRole("main").getByRole("alert")).toHaveText(/already started the study in another browser\. Return to that browser/);
  expect((await other.request.get(`/api/studies/${studyId}/next`)).status()).toBe(401);
  await elsewhere.close();

  // The participant's own browser comes back through the same link.
  await page.goto(`/crowd/${crowdToken}${query}`);
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);
  await expect(page.getByText("C0DE-4242")).toBeVisible();
});

test("a crowd link without the participant id says what is missing", async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { crowdToken } = await openStudyFromRows(admin, [
    { instruction: `Crowd prompt 2 ${stamp}`, output: "first", generator: `crowd2-a-${stamp}` },
    { instruction: `Crowd prompt 2 ${stamp}`, output: "second", generator: `crowd2-b-${stamp}` },
  ], { crowdEnabled: true });
  await admin.dispose();
  await page.goto(`/crowd/${crowdToken}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The link lacks your participant id (PROLIFIC_PID)");
});
