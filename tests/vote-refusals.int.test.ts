// The vote's refusal rules live twice: in the WHERE of the one statement that writes a vote
// (lib/data/votes.ts) and in explainUnwrittenVote, which says why nothing was written. Run against
// each other on every single refusal and on random combinations of them: whatever the explanation of
// the state before the attempt says, the statement must do (write exactly when it finds no reason).
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { isRaterError, raterErrors } from "@/lib/rater-api/rater-error";
import { explainUnwrittenVote } from "@/lib/rater-api/vote-outcome";
import { undoVote } from "@/lib/data/undo";
import { readVoteContext, recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import { mulberry32, randomInt, type Rng } from "@/lib/stats/rng";
import type { VoteChoice, VoteInput } from "@/lib/validation/vote";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const ASSIGNMENT_STATES = ["fresh", "expired", "flagged", "claimed", "missing", "voted-same", "voted-other", "undone"] as const;
type Case = {
  status: StudyStatus;
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: "OFF" | "OPTIONAL" | "REQUIRED";
  member: boolean;
  assignment: (typeof ASSIGNMENT_STATES)[number];
  choice: VoteChoice;
  withRationale: boolean;
  /** The study has a consent page, and whether this rater accepted it. */
  consent: "none" | "accepted" | "missing";
  /** Issues marked with the vote: none, ones the study asks about, or one it does not. */
  issues: "none" | "known" | "unknown";
  /** Choices on the study's other criterion: every one, none, one it does not ask, or a draw. */
  criteria: keyof typeof CHOSEN;
};

const MARKED = { none: undefined, known: { left: ["harmful"], right: ["harmful", "refusal"] }, unknown: { left: ["refusal"], right: ["stereotype"] } };

const CHOSEN = {
  complete: { helpful: "RIGHT" }, missing: undefined, unknown: { helpful: "LEFT", honest: "LEFT" }, tie: { helpful: "TIE" }, "both-bad": { helpful: "BOTH_BAD" },
} as const satisfies Record<string, Record<string, VoteChoice> | undefined>;

const ALLOWED: Case = {
  status: "OPEN", allowTie: true, allowBothBad: true, rationale: "OPTIONAL", member: true, assignment: "fresh", choice: "LEFT", withRationale: false, consent: "none", issues: "known", criteria: "complete",
};

/** Each refusal alone, from a state where the vote is allowed. */
const SINGLE: Case[] = [
  ALLOWED,
  { ...ALLOWED, status: "DRAFT" },
  { ...ALLOWED, status: "CLOSED" },
  { ...ALLOWED, choice: "TIE", allowTie: false },
  { ...ALLOWED, choice: "BOTH_BAD", allowBothBad: false },
  { ...ALLOWED, rationale: "REQUIRED" },
  { ...ALLOWED, member: false },
  { ...ALLOWED, consent: "missing" },
  { ...ALLOWED, issues: "unknown" },
  { ...ALLOWED, criteria: "missing" },
  { ...ALLOWED, criteria: "unknown" },
  { ...ALLOWED, criteria: "tie", allowTie: false },
  { ...ALLOWED, criteria: "both-bad", allowBothBad: false },
  ...ASSIGNMENT_STATES.filter((a) => a !== "fresh").map((assignment) => ({ ...ALLOWED, assignment })),
];

const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[randomInt(rng, xs.length)]!;

function randomCase(rng: Rng): Case {
  return {
    status: pick(rng, ["OPEN", "OPEN", "DRAFT", "CLOSED"] as const),
    allowTie: rng() < 0.6,
    allowBothBad: rng() < 0.6,
    rationale: pick(rng, ["OFF", "OPTIONAL", "REQUIRED"] as const),
    member: rng() < 0.85,
    assignment: pick(rng, ASSIGNMENT_STATES),
    choice: pick(rng, ["LEFT", "RIGHT", "TIE", "BOTH_BAD"] as const),
    withRationale: rng() < 0.5,
    consent: pick(rng, ["none", "none", "accepted", "missing"] as const),
    issues: pick(rng, ["none", "known", "known", "unknown"] as const),
    criteria: pick(rng, ["complete", "complete", "complete", "missing", "unknown", "tie", "both-bad"] as const),
  };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

async function fixture(pairs: number) {
  const f = await makeOpenStudy(pairs, {
    undoSeconds: 60,
    issues: { create: [{ key: "harmful", label: "Harmful", position: 0 }, { key: "refusal", label: "Refusal", position: 1 }] },
    criteria: { create: [{ key: "overall", label: "Overall", position: 0 }, { key: "helpful", label: "Helpful", position: 1 }] },
  });
  const [rater, stranger] = await makeRaters(f.study.id, 2);
  await db.studyMember.delete({ where: { studyId_userId: { studyId: f.study.id, userId: stranger!.id } } });
  return { ...f, rater: rater!, stranger: stranger!, used: 0 };
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

/** Puts a fresh pair of the study into the case's assignment state; returns the id the rater sends. */
async function arrange(f: Fixture, c: Case): Promise<string> {
  const pair = f.pairs[f.used++]!;
  await db.study.update({ where: { id: f.study.id }, data: { status: "OPEN", allowTie: true, allowBothBad: true, rationale: "OPTIONAL", consentText: "" } });
  await db.studyMember.update({ where: { studyId_userId: { studyId: f.study.id, userId: f.rater.id } }, data: { consentedAt: new Date() } });
  if (c.assignment === "missing") return randomBytes(18).toString("base64url");
  const id = randomBytes(18).toString("base64url");
  const base = { id, studyId: f.study.id, pairId: pair.id, raterId: f.rater.id, leftIsA: true, servedAt: minutes(-1), expiresAt: minutes(10) };
  if (c.assignment === "undone" || c.assignment.startsWith("voted")) {
    await db.assignment.create({ data: base });
    const first: VoteChoice = c.assignment === "voted-other" ? (c.choice === "LEFT" ? "RIGHT" : "LEFT") : c.choice;
    // The first vote marks the known issues and judges the other criterion: a retry is the same vote
    // only with the same marks and choices.
    const voted = await recordVote(f.study.id, f.rater.id, { assignmentId: id, choice: first, rationale: "first", issues: MARKED.known, criteria: CHOSEN.complete });
    if (isRaterError(voted)) throw new Error(`arrange: ${voted.code}`);
    if (c.assignment === "undone" && isRaterError(await undoVote(f.study.id, f.rater.id, id))) throw new Error("arrange: undo");
    return id;
  }
  await db.assignment.create({
    data: {
      ...base,
      ...(c.assignment === "expired" ? { servedAt: minutes(-30), expiresAt: minutes(-1) } : {}),
      ...(c.assignment === "flagged" ? { flaggedAt: new Date(), flagReason: "test" } : {}),
      ...(c.assignment === "claimed" ? { completedAt: new Date() } : {}),
    },
  });
  return id;
}

async function check(f: Fixture, c: Case) {
  const assignmentId = await arrange(f, c);
  await db.study.update({
    where: { id: f.study.id },
    data: { status: c.status, allowTie: c.allowTie, allowBothBad: c.allowBothBad, rationale: c.rationale, consentText: c.consent === "none" ? "" : "You agree to take part." },
  });
  await db.studyMember.update({
    where: { studyId_userId: { studyId: f.study.id, userId: f.rater.id } },
    data: { consentedAt: c.consent === "missing" ? null : new Date() },
  });
  const raterId = c.member ? f.rater.id : f.stranger.id;
  const input: VoteInput = {
    assignmentId, choice: c.choice, ...(c.withRationale ? { rationale: "because" } : {}), ...(MARKED[c.issues] ? { issues: MARKED[c.issues] } : {}),
    ...(CHOSEN[c.criteria] ? { criteria: CHOSEN[c.criteria] } : {}),
  };
  const before = await readVoteContext(f.study.id, raterId, assignmentId);
  const explained = before ? explainUnwrittenVote(before, input) : { error: raterErrors.studyNotFound };
  const votesBefore = await db.vote.count({ where: { studyId: f.study.id } });

  const reply = await recordVote(f.study.id, raterId, input);

  const written = (await db.vote.count({ where: { studyId: f.study.id } })) - votesBefore;
  const allowed = "error" in explained && explained.error === raterErrors.voteNotRecorded;
  return {
    written,
    mismatch: allowed
      ? written !== 1 || isRaterError(reply)
      : written !== 0 || ("error" in explained ? reply !== explained.error : isRaterError(reply) || reply.vote.choice !== c.choice),
  };
}

describe("the vote statement and explainUnwrittenVote", () => {
  it("agree on every single refusal: each is refused with its own answer, the allowed vote is written", async () => {
    const f = await fixture(SINGLE.length);
    const results = [];
    for (const c of SINGLE) results.push({ c, ...(await check(f, c)) });
    expect(results.filter((r) => r.mismatch)).toEqual([]);
    expect(results.filter((r) => r.written === 1).map((r) => r.c)).toEqual([ALLOWED]);
  });

  it("agree on 150 random combinations of study settings, membership, assignment state, choice, marked issues and criteria", async () => {
    const rng = mulberry32(20261201);
    const cases = Array.from({ length: 150 }, () => randomCase(rng));
    const f = await fixture(cases.length);
    const results = [];
    for (const c of cases) results.push({ c, ...(await check(f, c)) });
    expect(results.filter((r) => r.mismatch)).toEqual([]);
    // The random cases reach both outcomes.
    expect(results.some((r) => r.written === 1)).toBe(true);
    expect(results.some((r) => r.written === 0)).toBe(true);
  });

  it("a refusal the explanation does not know answers 500 vote_not_recorded and is logged, never 'busy'", async () => {
    const f = await fixture(1);
    const id = await arrange(f, ALLOWED);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // A rule only the statement knows: the pair's row gone from under the assignment's join, as a
    // WHERE added without its explanation would refuse.
    await db.$executeRaw`ALTER TABLE "Assignment" DISABLE TRIGGER ALL`;
    try {
      await db.$executeRaw`UPDATE "Assignment" SET "pairId" = 'no-such-pair' WHERE id = ${id}`;
      const reply = await recordVote(f.study.id, f.rater.id, { assignmentId: id, choice: "LEFT", criteria: CHOSEN.complete });
      expect(reply).toEqual(raterErrors.voteNotRecorded);
      expect(log).toHaveBeenCalledWith(expect.stringContaining("BUG: the vote statement refused"), expect.anything());
    } finally {
      await db.$executeRaw`UPDATE "Assignment" SET "pairId" = ${f.pairs[0]!.id} WHERE id = ${id}`;
      await db.$executeRaw`ALTER TABLE "Assignment" ENABLE TRIGGER ALL`;
      log.mockRestore();
    }
  });
});
