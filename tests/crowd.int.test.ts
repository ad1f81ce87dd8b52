// Crowd entry: a participant id creates or resumes one pseudonymous rater per study, with no password.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { crowdRater } from "@/lib/data/crowd";
import { makePairFixture } from "./factories";

async function crowdStudy(enabled = true) {
  const f = await makePairFixture();
  return db.study.update({ where: { id: f.study.id }, data: { status: "OPEN", openedAt: new Date(), crowdEnabled: enabled } });
}

describe("crowdRater", () => {
  it("creates a member rater on first visit and resumes the same one after", async () => {
    const study = await crowdStudy();
    const first = await crowdRater(study.inviteToken, "5f0c0ffee0c0ffee0c0ffee0");
    expect(first).toMatchObject({ role: "RATER", email: null, studyId: study.id });
    const again = await crowdRater(study.inviteToken, "5f0c0ffee0c0ffee0c0ffee0");
    expect(again?.id).toBe(first?.id);
    expect(await db.studyMember.count({ where: { studyId: study.id, userId: first!.id } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: first!.id } });
    expect(user.passwordHash).toBeNull();
    expect(user.externalId).toBe(`crowd:${study.id}:5f0c0ffee0c0ffee0c0ffee0`);
  });

  it("keeps the same participant id apart in two studies", async () => {
    const [a, b] = [await crowdStudy(), await crowdStudy()];
    const [ra, rb] = [await crowdRater(a.inviteToken, "same-person"), await crowdRater(b.inviteToken, "same-person")];
    expect(ra!.id).not.toBe(rb!.id);
    expect(await db.studyMember.count({ where: { userId: ra!.id } })).toBe(1);
  });

  it("refuses studies without crowd entry, and closed ones", async () => {
    const off = await crowdStudy(false);
    expect(await crowdRater(off.inviteToken, "p1")).toBeNull();
    const closed = await crowdStudy();
    await db.study.update({ where: { id: closed.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(await crowdRater(closed.inviteToken, "p1")).toBeNull();
  });
});
