// Stored results figures: round trip, the newer computation wins, forgetting, and the study's deletion.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteSnapshots, loadSnapshot, markFiguresChanged, saveSnapshot, studyFiguresVersion } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";
import { ResultsCache } from "@/lib/results/results-cache";
import { figuresStore, getStudyResults, keepFigures } from "@/lib/results/study-results";
import { makeAssignment, makePairFixture, makeUser, unique } from "./factories";
import { eventually } from "./eventually";
import { makeLargeVotedStudy } from "./factories-results";

async function study() {
  return db.study.create({ data: { name: unique("study"), inviteToken: unique("invite") } });
}

describe("results snapshots", () => {
  it("store the figures as given, keep the newer of two saves, and go with their study", async () => {
    const s = await study();
    const t1 = new Date("2026-12-01T10:00:00.123Z");
    const t2 = new Date("2026-12-01T10:00:15.456Z");
    await saveSnapshot(s.id, "", { headline: "first", n: 1 }, "v", t1, 900);
    expect(await loadSnapshot(s.id, "")).toEqual({ figures: { headline: "first", n: 1 }, version: "v", computedAt: t1 });
    await saveSnapshot(s.id, "", { headline: "second" }, "v", t2, 800);
    // A slower computation that started earlier finishes last: it must not replace the newer figures.
    await saveSnapshot(s.id, "", { headline: "late" }, "v", t1, 1200);
    expect((await loadSnapshot(s.id, ""))?.figures).toEqual({ headline: "second" });
    await saveSnapshot(s.id, "r_x", { headline: "without r_x" }, "v", t1, 700);
    expect(await loadSnapshot(s.id, "r_y")).toBeNull();
    await db.study.delete({ where: { id: s.id } });
    expect(await db.resultsSnapshot.count({ where: { studyId: s.id } })).toBe(0);
  });

  it("are forgotten per study or all at once, and never stored for a study that is gone", async () => {
    const [a, b] = [await study(), await study()];
    const at = new Date();
    await saveSnapshot(a.id, "", { a: 1 }, "v", at, 300);
    await saveSnapshot(b.id, "", { b: 1 }, "v", at, 300);
    await deleteSnapshots(a.id);
    expect(await loadSnapshot(a.id, "")).toBeNull();
    expect(await loadSnapshot(b.id, "")).not.toBeNull();
    await deleteSnapshots(null);
    expect(await loadSnapshot(b.id, "")).toBeNull();
    await saveSnapshot("no-such-study", "", { x: 1 }, "v", at, 300);
    expect(await loadSnapshot("no-such-study", "")).toBeNull();
  });
});

describe("figures of a large study (20,000 votes)", () => {
  it("are kept, stored for other processes, served by a new process without computing, and dropped on change", async () => {
    const { id: s } = await makeLargeVotedStudy();

    const first = (await getStudyResults(s))!;
    expect(first.totals.votes).toBe(20_000);
    expect((await getStudyResults(s))!.generatedAt).toBe(first.generatedAt); // kept, not recomputed
    const stored = await eventually(() => loadSnapshot(s, ""));
    expect((stored!.figures as { generatedAt: string }).generatedAt).toBe(first.generatedAt);

    // Another server process: the stored figures, no computation.
    const otherProcess = new ResultsCache({ keep: keepFigures, store: figuresStore });
    const served = await otherProcess.get(s, `${s}\u0000`, () => Promise.reject(new Error("should not compute")));
    expect(served?.generatedAt).toBe(first.generatedAt);
    expect(served?.comparisons[0]?.tally.total).toBe(first.comparisons[0]?.tally.total);

    // Much later, with nothing changed: still the stored figures, still no computation.
    const later = new ResultsCache({ keep: keepFigures, store: figuresStore, version: studyFiguresVersion, now: () => Date.now() + 86_400_000 });
    expect((await later.get(s, `${s}\u0000`, () => Promise.reject(new Error("should not compute"))))?.generatedAt).toBe(first.generatedAt);

    studyChanged(s);
    expect(await eventually(async () => ((await loadSnapshot(s, "")) === null ? true : null))).toBe(true);
  });
});

describe("studyFiguresVersion", () => {
  it("moves with a vote added or removed, a status change and a marked change, and with nothing else", async () => {
    const f = await makePairFixture();
    const rater = await makeUser();
    await db.studyMember.create({ data: { studyId: f.study.id, userId: rater.id } });
    const v0 = await studyFiguresVersion(f.study.id);
    expect(v0).not.toBeNull();
    expect(await studyFiguresVersion(f.study.id)).toBe(v0);
    await db.user.update({ where: { id: rater.id }, data: { name: "renamed" } });
    expect(await studyFiguresVersion(f.study.id)).toBe(v0);

    const assignment = await makeAssignment(f, rater.id);
    const vote = await db.vote.create({
      data: { assignmentId: assignment.id, studyId: f.study.id, pairId: f.pair.id, raterId: rater.id, choice: "TIE", msTaken: 1000 },
    });
    const v1 = await studyFiguresVersion(f.study.id);
    expect(v1).not.toBe(v0);
    await db.vote.delete({ where: { id: vote.id } });
    const v2 = await studyFiguresVersion(f.study.id);
    expect(v2).not.toBe(v1);
    await db.study.update({ where: { id: f.study.id }, data: { status: "OPEN", openedAt: new Date() } });
    const v3 = await studyFiguresVersion(f.study.id);
    expect(v3).not.toBe(v2);
    await markFiguresChanged(f.study.id);
    expect(await studyFiguresVersion(f.study.id)).not.toBe(v3);
    expect(await studyFiguresVersion("no-such-study")).toBeNull();
  });
});
