// Undo over plain HTTP, as a script or the rating page calls it: vote, undo within the window (the
// results API shows the study as before the vote), vote again; an undo after the window is refused.
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

const stamp = Date.now();
const rows = [
  { instruction: `Name a planet (${stamp}).`, output: "Mars.", generator: `e2e-undo-a-${stamp}` },
  { instruction: `Name a planet (${stamp}).`, output: "Venus.", generator: `e2e-undo-b-${stamp}` },
  { instruction: `Name a metal (${stamp}).`, output: "Iron.", generator: `e2e-undo-a-${stamp}` },
  { instruction: `Name a metal (${stamp}).`, output: "Tin.", generator: `e2e-undo-b-${stamp}` },
];

type Served = { assignmentId: string; left: { text: string }; right: { text: string }; options: { undoSeconds: number } };

// The window is database time: move the vote back past it, past the trigger that keeps a vote's time fixed.
async function ageVote(assignmentId: string, seconds: number) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const { rowCount } = await client.query(
      `UPDATE "Vote" SET "createdAt" = "createdAt" - make_interval(secs => $2) WHERE "assignmentId" = $1`, [assignmentId, seconds]);
    expect(rowCount).toBe(1);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

test("a rater undoes a vote within the window and the results are as before it; later the undo is refused", async ({ playwright, baseURL }) => {
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1, undoSeconds: 30 });
  const added = await json<{ added: string[] }>(await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } }));
  expect(added.added).toEqual(["rater@example.com"]);
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  const api = `/api/studies/${studyId}`;
  const results = async () => {
    const body = await json<{ generatedAt: string; totals: { votes: number }; raters: { undone: number; votes: number }[] }>(await admin.get(`${api}/results`));
    return { ...body, generatedAt: "(when)" };
  };

  const before = await results();
  expect(before.totals.votes).toBe(0);
  const pair = await json<Served>(await rater.get(`${api}/next`));
  expect(pair.options.undoSeconds).toBe(30);
  const vote = await json<{ vote: { recordedAt: string }; undoUntil: string }>(
    await rater.post(`${api}/votes`, { data: { assignmentId: pair.assignmentId, choice: "LEFT", seenBothMs: 800 } }));
  expect(Date.parse(vote.undoUntil) - Date.parse(vote.vote.recordedAt)).toBe(30_000);
  expect((await results()).totals.votes).toBe(1);

  const undo = await json<{ undone: { choice: string }; pair: Served }>(await rater.post(`${api}/votes/undo`, { data: { assignmentId: pair.assignmentId } }));
  expect(undo.undone).toEqual({ choice: "LEFT" });
  expect(undo.pair.assignmentId).not.toBe(pair.assignmentId);
  expect([undo.pair.left, undo.pair.right]).toEqual([pair.left, pair.right]);
  expect(await results()).toEqual(before);
  expect((await json<Served>(await rater.get(`${api}/next`))).assignmentId).toBe(undo.pair.assignmentId);
  // The undone vote's request, sent again, is not recorded again.
  const retry = await json<{ error: { code: string } }>(
    await rater.post(`${api}/votes`, { data: { assignmentId: pair.assignmentId, choice: "LEFT" } }), 409);
  expect(retry.error.code).toBe("vote_undone");
  expect(await results()).toEqual(before);

  // Voted again: counted once, and the rater's undo shows in the rater table.
  await json(await rater.post(`${api}/votes`, { data: { assignmentId: undo.pair.assignmentId, choice: "RIGHT" } }));
  const after = await results();
  expect(after.totals.votes).toBe(1);
  expect(after.raters).toEqual([expect.objectContaining({ votes: 1, undone: 1 })]);

  await ageVote(undo.pair.assignmentId, 31);
  const late = await json<{ error: { code: string; message: string } }>(
    await rater.post(`${api}/votes/undo`, { data: { assignmentId: undo.pair.assignmentId } }), 409);
  expect(late.error).toMatchObject({ code: "undo_expired", message: "Too late to undo: votes can be undone for 30 seconds." });
  expect((await results()).totals.votes).toBe(1);
  await Promise.all([admin.dispose(), rater.dispose()]);
});
