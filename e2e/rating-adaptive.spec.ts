// Adaptive votes (issue 22) in the browser: in a study of two prompts with three votes planned per pair,
// two raters who prefer the same model settle both pairs, so a third rater is done at once, though each
// pair has two votes of three. The flow is the usual one, and nothing the raters' browsers receive names
// a model. Screenshots of the second rater's pair and the third rater's end go to the test's output.
// With three models and sampling of model pairs, a rater judges only the drawn pairs, prompts opening as
// they go, and nothing received names a model or tells the draw.
import { type Browser, expect, type Page, test, type TestInfo } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { answerText, instruction, isPhone, joinAsNewRater, pairProgress, readBoth, recordResponses, voteButton } from "./fixtures/rater";
import { openStudyFromRows } from "./fixtures/studies";

/** A new rater in their own browser context, on the study's rating page. */
async function newRater(browser: Browser, info: TestInfo, inviteToken: string, studyId: string, tag: string) {
  const context = await browser.newContext(info.project.use);
  const page = await context.newPage();
  const received = recordResponses(page);
  await joinAsNewRater(page, inviteToken, studyId, tag);
  return { page, received, close: () => context.close() };
}

/** Votes for the answer written by the preferred model ("preferred" in its text), on whichever side it is shown. */
async function voteForPreferred(page: Page, n: number) {
  await expect(pairProgress(page, n)).toBeVisible();
  await readBoth(page);
  // On a phone one answer shows at a time: back to A to read it.
  if (isPhone(page)) await page.getByRole("tab", { name: "Answer A" }).click();
  const preferredOnA = (await answerText(page, "A").textContent())!.includes("preferred");
  await voteButton(page, preferredOnA ? "A is better" : "B is better").click();
}

test("two raters who agree settle every pair of an adaptive study, and a third is done at once", async ({ browser, page, baseURL }, info) => {
  test.setTimeout(120_000);
  const stamp = `adaptive-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const models = { preferred: `adapt-a-${stamp}`, other: `adapt-b-${stamp}` };
  await signInOverHttp(page.request, "ADMIN");
  const rows = [1, 2].flatMap((i) => [
    { instruction: `Name a prime number (${i}, ${stamp}).`, output: `The preferred answer ${i}: seven.`, generator: models.preferred },
    { instruction: `Name a prime number (${i}, ${stamp}).`, output: `The other answer ${i}: nine.`, generator: models.other },
  ]);
  const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, { votesPerPair: 3, adaptiveVotes: true });
  expect(baseURL).toBeTruthy();

  const raters = [];
  for (const tag of ["first", "second"]) {
    const rater = await newRater(browser, info, inviteToken, studyId, `adaptive-${tag}`);
    raters.push(rater);
    await expect(rater.page.getByText("Pair 1 · about 2 pairs left", { exact: true })).toBeVisible();
    if (tag === "second") {
      // The progress line shows "Pair 1" from the page's first render, before the pair itself has loaded:
      // the pair's own text is what says it is on screen (checked mid-load, axe read its fade-in).
      await expect(instruction(rater.page)).toContainText("Name a prime number");
      await rater.page.screenshot({ path: info.outputPath(`adaptive-pair-${info.project.name}.png`) });
      await expectNoSeriousViolations(rater.page, "a pair of an adaptive study");
    }
    await voteForPreferred(rater.page, 1);
    await voteForPreferred(rater.page, 2);
    await expect(rater.page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  }

  // Each pair has two votes of its three, both for the same model: settled, so nothing is left to serve.
  const third = await newRater(browser, info, inviteToken, studyId, "adaptive-third");
  raters.push(third);
  await expect(third.page.getByRole("heading", { name: "All pairs are judged — thank you" })).toBeVisible();
  await expect(third.page.getByText("There is nothing left for you in this study")).toBeVisible();
  await third.page.screenshot({ path: info.outputPath(`adaptive-done-${info.project.name}.png`) });
  await expectNoSeriousViolations(third.page, "the end of an adaptive study for a rater who voted nothing");

  // Blinding: the answers reached the raters' browsers, no model name did.
  const everything = raters.flatMap((r) => r.received).join("\n");
  expect(everything).toContain("The preferred answer 1");
  expect(everything).not.toContain(models.preferred);
  expect(everything).not.toContain(models.other);
  for (const r of raters) await r.close();
});

test("a rater of a study that samples model pairs judges the drawn pairs until done, and learns nothing of the draw", async ({ browser, page }, info) => {
  test.setTimeout(120_000);
  const stamp = `sampled-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const models = ["alpha", "beta", "gamma"].map((m) => `sample-${m}-${stamp}`);
  await signInOverHttp(page.request, "ADMIN");
  const rows = [1, 2, 3].flatMap((i) => models.map((m, k) => ({
    instruction: `Name a colour (${i}, ${stamp}).`, output: `Answer ${k} to question ${i}: colour number ${k}.`, generator: m,
  })));
  const { studyId, inviteToken } = await openStudyFromRows(page.request, rows, { votesPerPair: 1, adaptiveVotes: true, pairsPerPrompt: 2 });
  const rater = await newRater(browser, info, inviteToken, studyId, "sampled");
  const done = rater.page.getByRole("heading", { name: "All pairs are judged — thank you" });
  let judged = 0;
  // At most the nine pairs of three prompts; about six are drawn.
  while (judged < 10 && !(await done.isVisible())) {
    await expect(pairProgress(rater.page, judged + 1).or(done)).toBeVisible();
    if (await done.isVisible()) break;
    if (judged === 0) {
      await expect(rater.page.getByText(/^Name a colour/)).toBeVisible();
      await rater.page.screenshot({ path: info.outputPath(`sampled-pair-${info.project.name}.png`) });
      await expectNoSeriousViolations(rater.page, "a pair of a study that samples model pairs");
    }
    await readBoth(rater.page);
    await voteButton(rater.page, "A is better").click();
    judged++;
  }
  await expect(done).toBeVisible();
  expect(judged).toBeGreaterThanOrEqual(1);
  expect(judged).toBeLessThanOrEqual(9);

  const everything = rater.received.join("\n");
  expect(everything).toContain("colour number");
  for (const m of models) expect(everything).not.toContain(m);
  expect(everything).not.toMatch(/inclusion|sampleRank|"held"|openedPrompts/);
  await rater.close();

  // The researcher tells held pairs from unvoted ones: every prompt opened, so the 9 - judged pairs left are not drawn.
  await signInOverHttp(page.request, "RESEARCHER");
  await page.goto(`/studies/${studyId}/results`);
  // Each comparison's anytime interval says it reads the prompts its pair was drawn on; the note says why no weights.
  const intervals = page.getByTestId("anytime-interval");
  await expect(intervals).toHaveCount(3);
  for (const interval of await intervals.all()) await expect(interval).toContainText(/over \d+ prompts?, (read on the \d+ the draw put this pair to raters on, not the \d+ it left out|all of them drawn for this pair)/);
  await expect(page.getByRole("status", { name: "Stopping rule" })).toContainText("need no weights (optional skipping");
  await page.getByRole("region", { name: "Win rate", exact: true }).screenshot({ path: info.outputPath(`sampled-results-intervals-${info.project.name}.png`) });
  const prompts = page.getByRole("region", { name: "Prompts", exact: true });
  const majority = prompts.getByLabel("Majority");
  const listed = prompts.getByRole("table", { name: "Prompts with their votes" }).locator("tbody tr");
  await majority.selectOption({ label: "not put to raters" });
  await expect(prompts.getByText(`· ${9 - judged} prompts`)).toBeVisible();
  await expect(listed).toHaveCount(9 - judged);
  for (const row of await listed.all()) await expect(row).toContainText("not drawn");
  await prompts.screenshot({ path: info.outputPath(`sampled-results-held-${info.project.name}.png`) });
  await expectNoSeriousViolations(page, "the prompt list filtered to held pairs");
  await majority.selectOption({ label: "no votes" });
  await expect(prompts.getByText("No prompt matches.")).toBeVisible();
  await expect(prompts.getByText("· 0 prompts")).toBeVisible();
});
