// Run by scripts/make-upgrade-fixture.ts inside a checkout of the release being captured (never in
// this tree): migrates DATABASE_URL's empty database with that release's code, seeds its demo and
// casts, undoes and flags votes through its own data layer, as its raters and admins would.
import { applyMigrations } from "@/lib/migrations/apply";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must name the empty database to fill");
await applyMigrations(url);
// Imported only now: the data layer connects to DATABASE_URL on first use.
const { db } = await import("@/lib/db");
const { seedDemo } = await import("@/lib/demo/seed-demo");
const { nextAssignment } = await import("@/lib/data/assignments");
const { recordVote } = await import("@/lib/data/votes");
const { undoVote } = await import("@/lib/data/undo");
const { setGoldAnswer } = await import("@/lib/data/pair-review");

await seedDemo();
const study = await db.study.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
// Votes here come at once, not after a rater read both answers: no settle time, no "seen both" rule.
await db.study.update({ where: { id: study.id }, data: { voteSettleMs: 0, requireSeenBoth: false } });
const [goldPair] = await db.pair.findMany({ where: { studyId: study.id }, orderBy: { createdAt: "asc" }, take: 1, select: { id: true } });
// This runs on the release's own code, whose signatures may differ from today's (setGoldAnswer has since
// gained an actor for the audit trail): typed loosely on purpose.
const setGold = setGoldAnswer as unknown as (studyId: string, pairId: string, side: "A" | "B") => Promise<unknown>;
if (goldPair) await setGold(study.id, goldPair.id, "B");

const raters = await db.studyMember.findMany({ where: { studyId: study.id }, select: { userId: true }, orderBy: { userId: "asc" } });
const choices = ["LEFT", "RIGHT", "TIE", "LEFT", "BOTH_BAD", "RIGHT", "LEFT"] as const;
let cast = 0;
for (const [r, { userId }] of raters.entries()) {
  for (let i = 0; i < 4; i++) {
    const pair = await nextAssignment(study.id, userId);
    if (!("assignmentId" in pair)) break;
    const reply = await recordVote(study.id, userId, { assignmentId: pair.assignmentId, choice: choices[(r + i) % choices.length]! });
    if ("status" in reply) throw new Error(`vote refused: ${JSON.stringify(reply)}`);
    cast++;
    // Each rater's second vote is undone (the tallies must drop it), then the rater votes again.
    if (i === 1) {
      const undone = await undoVote(study.id, userId, pair.assignmentId);
      if ("status" in undone) throw new Error(`undo refused: ${JSON.stringify(undone)}`);
      cast--;
    }
  }
}
// A pair left out of the study (as the leak review does) keeps its votes in the tables.
const [excluded] = await db.pair.findMany({ where: { studyId: study.id, voteCount: { gt: 0 } }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true } });
if (excluded) await db.pair.update({ where: { id: excluded.id }, data: { excluded: true } });
console.log(`[fixture] demo study ${study.id}: ${cast} votes cast through the release's code`);
await db.$disconnect();
process.exit(0);
