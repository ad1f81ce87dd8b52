// Conversations (issue 21): a rater judges turn 2 of a two-turn conversation with keys on a desktop and
// taps on a phone: the page says which turn is judged (and the live region says it), shows turn 1's
// answers as context (folded on a phone), records the vote on the turn-2 pair, and an undo brings the
// same view back; the whole conversation judged as one; a turn both models share shown once. Nothing the
// browser receives names a model or carries an id but the assignment's. Data is seeded with Prisma, as
// an import would leave it. Screenshots go to the test's output folder (SHOTS_DIR to keep them).
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { expectNoSeriousViolations } from "./fixtures/axe";
import { answer, isPhone, joinAsNewRater, lastVote, longAnswer, readToEnd, recordResponses, voteButton } from "./fixtures/rater";

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.E2E_DATABASE_URL }) });
test.afterAll(() => db.$disconnect());

type Seed = { turn: number; turnsA: string[]; turnsB: string[]; showSystemPrompt?: boolean; criteria?: string[] };

/** An open study of one pair of a two-turn conversation judging `turn` (0: the whole conversation). */
async function seedConversation({ turn, turnsA, turnsB, showSystemPrompt = true, criteria = [] }: Seed) {
  const stamp = `conv-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const userTurns = [`Plan a day in Lisbon for a first visit (${stamp}).`, "Now make the plan cheaper."];
  const prompt = await db.prompt.create({ data: { instruction: userTurns[0]!, textHash: stamp, userTurns, system: "You are a travel guide." } });
  const [modelA, modelB] = await Promise.all([`conv-model-a-${stamp}`, `conv-model-b-${stamp}`].map((name) => db.languageModel.create({ data: { name } })));
  const [outputA, outputB] = await Promise.all([
    db.output.create({ data: { promptId: prompt.id, modelId: modelA!.id, turns: turnsA, text: turnsA.at(-1)! } }),
    db.output.create({ data: { promptId: prompt.id, modelId: modelB!.id, turns: turnsB, text: turnsB.at(-1)! } }),
  ]);
  const study = await db.study.create({
    data: {
      name: `Conversation study ${stamp}`, inviteToken: `invite-${stamp}`, status: "OPEN", openedAt: new Date(),
      judgedTurns: turn === 0 ? [] : [turn], showSystemPrompt, votesPerPair: 1, undoSeconds: 60,
      models: { create: [{ modelId: modelA!.id }, { modelId: modelB!.id }] },
      issues: { create: [{ key: "factual-error", label: "Factual error", position: 0 }] },
      criteria: { create: criteria.map((label, position) => ({ key: label.toLowerCase(), label, position })) },
    },
  });
  const pair = await db.pair.create({ data: { studyId: study.id, promptId: prompt.id, outputAId: outputA.id, outputBId: outputB.id, turn } });
  const secrets = [modelA!.name, modelB!.name, modelA!.id, modelB!.id, outputA.id, outputB.id, pair.id, prompt.id];
  return { study, pair, userTurns, outputA, outputB, secrets };
}

const judgedHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^Judged / });
const earlierTurns = (page: Page) => page.locator("details").filter({ hasText: "earlier in the conversation" });
const liveRegion = (page: Page) => page.locator('p[role="status"][aria-live="polite"]');

/** The screen as the rater sees it (the vote bar and the A | B switch are sticky: a full-page shot misplaces them). */
async function screenshot(page: Page, info: TestInfo, name: string) {
  const file = `rating-conversation-${name}-${info.project.name.replace(/^rater-/, "")}.png`;
  await page.screenshot({ animations: "disabled", path: process.env.SHOTS_DIR ? `${process.env.SHOTS_DIR}/${file}` : info.outputPath(file) });
}

async function vote(page: Page, side: "A" | "B") {
  if (isPhone(page)) await voteButton(page, `${side} is better`).tap();
  else await page.keyboard.press(side === "A" ? "1" : "2");
}

test("a rater judges turn 2 of 2: turn 1 is context, the vote is on the turn-2 pair, undo shows the same turn again", async ({ page }, info) => {
  test.setTimeout(120_000);
  const c = await seedConversation({
    turn: 2,
    turnsA: ["Morning in **Alfama**, lunch in Baixa, sunset at a *miradouro*.", longAnswer("the frugal plan", 4)],
    turnsB: ["Start at Belém: the tower, the monastery, the pastries.", longAnswer("the tram plan", 3)],
  });
  const received = recordResponses(page);
  await joinAsNewRater(page, c.study.inviteToken, c.study.id, "conversation");

  await expect(judgedHeading(page)).toHaveText("JudgedJudge the answers to turn 2 of 2");
  await expect(liveRegion(page)).toContainText("Judge the answers to turn 2 of 2.");
  await expect(page.getByRole("region", { name: "System prompt" })).toContainText("You are a travel guide.");
  await expect(page.getByText(c.userTurns[1]!, { exact: true })).toBeVisible();
  await screenshot(page, info, "turn-start");
  const frugalIsA = (await answer(page, "A").textContent())!.includes("the frugal plan");
  const [turn1A, turn1B] = frugalIsA ? ["Morning in Alfama", "Start at Belém"] : ["Start at Belém", "Morning in Alfama"];

  // Turn 1: open on a desktop, folded on a phone until tapped; its answers in the judged answers' order.
  const history = earlierTurns(page);
  if (isPhone(page)) {
    await expect(history.getByText(turn1A)).toBeHidden();
    await expect(history.locator("summary")).toContainText("Turn 1: earlier in the conversation, not judged");
    await history.locator("summary").tap();
  }
  await expect(history.getByText(turn1A)).toBeVisible();
  const turn1 = await history.locator("p", { hasText: /^Answer [AB] · turn 1$/ }).allTextContents();
  expect(turn1).toEqual(["Answer A · turn 1", "Answer B · turn 1"]);
  await expect(history.locator("div", { has: page.getByText("Answer A · turn 1", { exact: true }) }).last()).toContainText(turn1A);
  await expect(history.locator("div", { has: page.getByText("Answer B · turn 1", { exact: true }) }).last()).toContainText(turn1B);

  // Turn 1 read is not enough: the judged answers must be.
  await expect(page.locator("#vote-status")).toContainText("Read both answers to vote");
  await readToEnd(page, "A");
  await readToEnd(page, "B");
  await expect(voteButton(page, "B is better")).not.toHaveAttribute("aria-disabled", "true");
  await page.getByRole("checkbox", { name: "B: Factual error" }).check();
  await judgedHeading(page).evaluate((heading) => heading.scrollIntoView({ block: "start" }));
  await screenshot(page, info, "turn");
  await expectNoSeriousViolations(page, "turn 2 of a conversation");

  await vote(page, "B");
  await expect(lastVote(page)).toContainText("Recorded: B is better on pair 1");
  const shownB = frugalIsA ? c.outputB : c.outputA;
  const stored = await db.vote.findFirstOrThrow({ where: { studyId: c.study.id }, select: { pairId: true, winnerOutputId: true, issues: { select: { outputId: true } } } });
  expect(stored).toEqual({ pairId: c.pair.id, winnerOutputId: shownB.id, issues: [{ outputId: shownB.id }] });

  // Undo: the same turn, the same sides, turn 1 again before it.
  await lastVote(page).getByRole("button", { name: "Undo" }).click();
  await expect(lastVote(page)).toContainText("Vote undone on pair 1");
  await expect(judgedHeading(page)).toHaveText("JudgedJudge the answers to turn 2 of 2");
  await expect(answer(page, "A")).toContainText(frugalIsA ? "the frugal plan" : "the tram plan");
  if (isPhone(page)) await earlierTurns(page).locator("summary").tap();
  await expect(earlierTurns(page).getByText(turn1B)).toBeVisible();
  expect(await db.vote.count({ where: { studyId: c.study.id } })).toBe(0);

  const everything = received.join("\n");
  expect(everything).toContain("Now make the plan cheaper.");
  for (const secret of c.secrets) expect(everything).not.toContain(secret);
});

test("the whole conversation is judged: every turn shown as A and B, the vote on the whole-conversation pair", async ({ page }, info) => {
  test.setTimeout(120_000);
  const c = await seedConversation({
    turn: 0,
    showSystemPrompt: false,
    turnsA: ["First answer of the walker.", "Second answer of the walker."],
    turnsB: ["First answer of the rider.", "Second answer of the rider."],
  });
  const received = recordResponses(page);
  await joinAsNewRater(page, c.study.inviteToken, c.study.id, "conversation-whole");

  await expect(judgedHeading(page)).toHaveText("JudgedJudge the whole conversation (2 turns)");
  await expect(liveRegion(page)).toContainText("Judge the whole conversation (2 turns).");
  await expect(page.getByText("Every turn is judged")).toBeVisible();
  await expect(earlierTurns(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "System prompt" })).toHaveCount(0);
  const walkerIsA = (await answer(page, "A").textContent())!.includes("walker");
  const [a, b] = walkerIsA ? ["walker", "rider"] : ["rider", "walker"];
  if (isPhone(page)) {
    // Each side's panel holds its whole conversation, and the switch says so.
    await expect(page.getByRole("tablist", { name: "Conversations" }).getByRole("tab")).toHaveText([/^Conversation A/, /^Conversation B/]);
    await expect(answer(page, "A")).toContainText(`First answer of the ${a}.`);
    await expect(answer(page, "A")).toContainText(c.userTurns[1]!);
    await expect(answer(page, "A")).not.toContainText(b);
  } else {
    await expect(page.getByText(`First answer of the ${a}.`)).toBeVisible();
    await expect(page.getByText(`First answer of the ${b}.`)).toBeVisible();
  }
  await readToEnd(page, "A");
  await readToEnd(page, "B");
  await expect(answer(page, "B")).toContainText(`Second answer of the ${b}.`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, info, "whole");
  await expectNoSeriousViolations(page, "a whole conversation");
  await vote(page, "A");
  await expect(lastVote(page)).toContainText("Recorded: A is better on pair 1");
  const shownA = walkerIsA ? c.outputA : c.outputB;
  expect(await db.vote.findFirstOrThrow({ where: { studyId: c.study.id }, select: { pairId: true, winnerOutputId: true } }))
    .toEqual({ pairId: c.pair.id, winnerOutputId: shownA.id });
  const everything = received.join("\n");
  expect(everything).not.toContain("You are a travel guide.");
  for (const secret of c.secrets) expect(everything).not.toContain(secret);
});

test("a fixed history: the assistant turn both models share is shown once", async ({ page }, info) => {
  test.setTimeout(120_000);
  const shared = "Here is the shared first answer, the same for every model.";
  const c = await seedConversation({ turn: 2, turnsA: [shared, "Cheaper: walk."], turnsB: [shared, "Cheaper: take the tram."] });
  await joinAsNewRater(page, c.study.inviteToken, c.study.id, "conversation-fixed");
  await expect(judgedHeading(page)).toHaveText("JudgedJudge the answers to turn 2 of 2");
  if (isPhone(page)) await earlierTurns(page).locator("summary").tap();
  await expect(page.getByText(shared)).toHaveCount(1);
  await expect(page.getByText(shared)).toBeVisible();
  await expect(earlierTurns(page)).toContainText("A and B (the same answer)");
  await expect(earlierTurns(page).getByText(/^Answer [AB] · turn 1$/)).toHaveCount(0);
  await earlierTurns(page).evaluate((history) => history.scrollIntoView({ block: "start" }));
  await screenshot(page, info, "fixed");
  await expectNoSeriousViolations(page, "a conversation with a fixed history");
});

test("criteria on a judged turn: each chosen beside the conversation, stored on the turn's pair", async ({ page }) => {
  test.setTimeout(120_000);
  const c = await seedConversation({
    turn: 2, criteria: ["Overall", "Helpful"],
    turnsA: ["Alfama first.", "Walk everywhere and picnic by the river."],
    turnsB: ["Belém first.", "Buy a day pass for the trams."],
  });
  await joinAsNewRater(page, c.study.inviteToken, c.study.id, "conversation-criteria");
  await expect(judgedHeading(page)).toHaveText("JudgedJudge the answers to turn 2 of 2");
  const walkIsA = (await answer(page, "A").textContent())!.includes("Walk everywhere");
  await readToEnd(page, "A");
  await readToEnd(page, "B");
  // By mouse on a desktop too: a press on a criterion other than the marked one must choose on it (the
  // key hints once appeared on mousedown and moved the option from under the pointer).
  for (const [label, side] of [["Overall", "A"], ["Helpful", "B"]] as const) {
    const choice = page.getByRole("radiogroup", { name: label }).getByRole("radio", { name: side, exact: true });
    if (isPhone(page)) await choice.tap();
    else await choice.check();
    await expect(choice).toBeChecked();
  }
  await expectNoSeriousViolations(page, "criteria on turn 2 of a conversation");
  await page.getByRole("button", { name: "Submit judgments" }).click();
  await expect(lastVote(page)).toContainText("Recorded");
  const [shownA, shownB] = walkIsA ? [c.outputA, c.outputB] : [c.outputB, c.outputA];
  const stored = await db.vote.findFirstOrThrow({
    where: { studyId: c.study.id }, select: { pairId: true, winnerOutputId: true, criteria: { select: { winnerOutputId: true } } },
  });
  expect(stored).toEqual({ pairId: c.pair.id, winnerOutputId: shownA.id, criteria: [{ winnerOutputId: shownB.id }] });
});
