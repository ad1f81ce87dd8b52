// A study's full data for archiving, as JSON Lines: one {"type": …} record per study, model, answer
// issue, criterion (position 0 the primary), prompt, output, pair (with its judged turn), vote (with the issues marked and its
// choices on the other criteria) and audit event (oldest first). Raters appear by pseudonym only. Read in
// keyset-paged batches, so memory stays flat however large the study is. Read from the read replica when there is one.
import "server-only";
import { dbRead } from "@/lib/db";
import { auditPages } from "@/lib/data/audit";

const BATCH = 5_000;

async function* pages<T extends { id: string }>(fetch: (after: string | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

const page = (after: string | undefined) => ({ take: BATCH, orderBy: { id: "asc" as const }, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });

async function* records(studyId: string): AsyncGenerator<object[]> {
  // The invitation token is a credential, not study data.
  const study = await dbRead.study.findUnique({
    where: { id: studyId },
    omit: { inviteToken: true, crowdToken: true },
    include: {
      models: { select: { model: { select: { id: true, name: true } } } },
      issues: { orderBy: { position: "asc" }, select: { id: true, key: true, label: true, position: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, key: true, label: true, question: true, position: true } },
    },
  });
  if (!study) return;
  const { models, issues, criteria, ...settings } = study;
  yield [
    { type: "study", ...settings },
    ...models.map(({ model }) => ({ type: "model", ...model })),
    ...issues.map((issue) => ({ type: "issue", ...issue })),
    ...criteria.map((criterion) => ({ type: "criterion", ...criterion })),
  ];
  // Members by pseudonym, with when they accepted the consent page (a study's members are few next to its votes).
  const members = await dbRead.studyMember.findMany({
    where: { studyId }, orderBy: { createdAt: "asc" },
    select: { createdAt: true, consentedAt: true, completionShownAt: true, votes: true, user: { select: { pseudonym: true } } },
  });
  if (members.length) yield members.map(({ user, createdAt, ...m }) => ({ type: "member", rater: user.pseudonym, joinedAt: createdAt, ...m }));
  for await (const rows of pages((after) => dbRead.pair.findMany({ where: { studyId }, ...page(after) }))) {
    yield rows.map((p) => ({ type: "pair", ...p }));
  }
  const inStudy = { OR: [{ pairsAsA: { some: { studyId } } }, { pairsAsB: { some: { studyId } } }] };
  // A conversation's (issue 21) assistant turns, user turns and system prompt are given when it has them, so a
  // single-answer study's records stay as they were (text: the last turn; instruction: the first user turn).
  const outputFields = { id: true, promptId: true, modelId: true, text: true, leakPhrase: true, turns: true } as const;
  for await (const rows of pages((after) => dbRead.output.findMany({ where: inStudy, select: outputFields, ...page(after) }))) {
    yield rows.map(({ turns, ...o }) => ({ type: "output", ...o, ...(turns.length > 0 && { turns }) }));
  }
  const promptFields = { id: true, instruction: true, input: true, category: true, dataset: true, externalId: true, userTurns: true, system: true } as const;
  for await (const rows of pages((after) => dbRead.prompt.findMany({ where: { pairs: { some: { studyId } } }, select: promptFields, ...page(after) }))) {
    yield rows.map(({ userTurns, system, ...p }) => ({ type: "prompt", ...p, ...(userTurns.length > 0 && { userTurns }), ...(system !== null && { system }) }));
  }
  for await (const rows of pages((after) => dbRead.vote.findMany({
    where: { studyId },
    select: {
      id: true, pairId: true, choice: true, winnerOutputId: true, rationale: true, msTaken: true, tooFast: true, isDemo: true, createdAt: true,
      rater: { select: { pseudonym: true } }, assignment: { select: { leftIsA: true, servedAt: true } },
      issues: { select: { outputId: true, issue: { select: { key: true } } } },
      criteria: { orderBy: { criterion: { position: "asc" } }, select: { choice: true, winnerOutputId: true, criterion: { select: { key: true } } } },
    },
    ...page(after),
  }))) {
    yield rows.map(({ rater, assignment, issues, criteria: judged, ...v }) => ({
      type: "vote", ...v, rater: rater.pseudonym, leftIsA: assignment.leftIsA, servedAt: assignment.servedAt,
      // The issues marked with the vote, on the output they were marked on.
      issues: issues.map((i) => ({ outputId: i.outputId, key: i.issue.key })),
      // Its choices on the criteria other than the primary (whose choice is the vote's own), as the vote's:
      // the side chosen and the output that won (null for a tie or both bad).
      criteria: judged.map((c) => ({ key: c.criterion.key, choice: c.choice, winnerOutputId: c.winnerOutputId })),
    }));
  }
  for await (const rows of auditPages(studyId, "replica")) yield rows.map((e) => ({ type: "audit", ...e }));
}

export async function studyExists(studyId: string): Promise<boolean> {
  return !!(await dbRead.study.findUnique({ where: { id: studyId }, select: { id: true } }));
}

export function archiveStream(studyId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = records(studyId);
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await source.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(value.map((r) => JSON.stringify(r)).join("\n") + "\n"));
    },
  });
}
