// Stored results figures: round trip, the newer computation wins, forgetting, and the study's deletion.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteSnapshots, loadSnapshot, saveSnapshot } from "@/lib/data/results/snapshots";
import { unique } from "./factories";

async function study() {
  return db.study.create({ data: { name: unique("study"), inviteToken: unique("invite") } });
}

describe("results snapshots", () => {
  it("store the figures as given, keep the newer of two saves, and go with their study", async () => {
    const s = await study();
    const t1 = new Date("2026-12-01T10:00:00.123Z");
    const t2 = new Date("2026-12-01T10:00:15.456Z");
    await saveSnapshot(s.id, "", { headline: "first", n: 1 }, t1, 900);
    expect(await loadSnapshot(s.id, "")).toEqual({ figures: { headline: "first", n: 1 }, computedAt: t1 });
    await saveSnapshot(s.id, "", { headline: "second" }, t2, 800);
    // A slower computation that started earlier finishes last: it must not replace the newer figures.
    await saveSnapshot(s.id, "", { headline: "late" }, t1, 1200);
    expect((await loadSnapshot(s.id, ""))?.figures).toEqual({ headline: "second" });
    await saveSnapshot(s.id, "r_x", { headline: "without r_x" }, t1, 700);
    expect(await loadSnapshot(s.id, "r_y")).toBeNull();
    await db.study.delete({ where: { id: s.id } });
    expect(await db.resultsSnapshot.count({ where: { studyId: s.id } })).toBe(0);
  });

  it("are forgotten per study or all at once, and never stored for a study that is gone", async () => {
    const [a, b] = [await study(), await study()];
    const at = new Date();
    await saveSnapshot(a.id, "", { a: 1 }, at, 300);
    await saveSnapshot(b.id, "", { b: 1 }, at, 300);
    await deleteSnapshots(a.id);
    expect(await loadSnapshot(a.id, "")).toBeNull();
    expect(await loadSnapshot(b.id, "")).not.toBeNull();
    await deleteSnapshots(null);
    expect(await loadSnapshot(b.id, "")).toBeNull();
    await saveSnapshot("no-such-study", "", { x: 1 }, at, 300);
    expect(await loadSnapshot("no-such-study", "")).toBeNull();
  });
});
