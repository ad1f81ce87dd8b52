// The consent gate against a real PostgreSQL: a study with a consent page gives a member no pair and
// takes no vote from them until they accepted it; studies without one are unchanged.
import { describe, expect, it } from "vitest";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { nextAssignment } from "@/lib/data/assignments";
import { acceptConsent, pendingConsent, updateParticipantSettings } from "@/lib/data/consent";
import { archiveStream } from "@/lib/data/study-archive";
import { recordVote } from "@/lib/data/votes";
import { db } from "@/lib/db";
import type { ServedPair } from "@/lib/rating/types";
import { makeOpenStudy, makeRaters } from "./factories-voting";

const CONSENT = "## About this study\n\nYou compare answers. You may stop at any time.";

function served(result: Awaited<ReturnType<typeof nextAssignment>>): ServedPair {
  if (isRaterError(result) || !("assignmentId" in result)) throw new Error(`expected a pair, got ${JSON.stringify(result)}`);
  return result;
}

describe("the consent gate", () => {
  it("refuses the next pair until the member accepted, then serves as usual", async () => {
    const f = await makeOpenStudy(2, { consentText: CONSENT });
    const [rater] = await makeRaters(f.study.id, 1);
    expect(await pendingConsent(f.study.id, rater!.id)).toEqual({ text: CONSENT });
    expect(await nextAssignment(f.study.id, rater!.id)).toMatchObject({ status: 403, code: "consent_required" });
    expect(await db.assignment.count({ where: { studyId: f.study.id } })).toBe(0);

    const accepted = await acceptConsent(f.study.id, rater!.id);
    if (!accepted.ok) throw new Error("accept failed");
    expect(await pendingConsent(f.study.id, rater!.id)).toBeNull();
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    expect(isRaterError(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT" }))).toBe(false);
    // Accepting again keeps the first time.
    const again = await acceptConsent(f.study.id, rater!.id);
    expect(again.ok && again.consentedAt.getTime()).toBe(accepted.consentedAt.getTime());
  });

  it("refuses a vote on a pair leased before the study gained a consent page, and keeps nothing", async () => {
    const f = await makeOpenStudy(2);
    const [rater] = await makeRaters(f.study.id, 1);
    const pair = served(await nextAssignment(f.study.id, rater!.id));
    expect(await updateParticipantSettings(f.study.id, { consentText: CONSENT })).toEqual({ ok: true });
    expect(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT" }))
      .toMatchObject({ status: 403, code: "consent_required" });
    expect(await db.vote.count({ where: { studyId: f.study.id } })).toBe(0);
    // The held lease is not handed back either, until consent.
    expect(await nextAssignment(f.study.id, rater!.id)).toMatchObject({ code: "consent_required" });
    await acceptConsent(f.study.id, rater!.id);
    expect(served(await nextAssignment(f.study.id, rater!.id)).assignmentId).toBe(pair.assignmentId);
    expect(isRaterError(await recordVote(f.study.id, rater!.id, { assignmentId: pair.assignmentId, choice: "LEFT" }))).toBe(false);
  });

  it("leaves studies without a consent page as they were", async () => {
    const f = await makeOpenStudy(1);
    const [rater] = await makeRaters(f.study.id, 1);
    expect(await pendingConsent(f.study.id, rater!.id)).toBeNull();
    served(await nextAssignment(f.study.id, rater!.id));
    expect(await acceptConsent(f.study.id, rater!.id)).toEqual({ ok: false, reason: "no_consent" });
  });

  it("answers non-members as not found, and no longer edits a closed study", async () => {
    const f = await makeOpenStudy(1, { consentText: CONSENT });
    expect(await acceptConsent(f.study.id, "nobody")).toEqual({ ok: false, reason: "not_member" });
    await db.study.update({ where: { id: f.study.id }, data: { status: "CLOSED" } });
    expect(await updateParticipantSettings(f.study.id, { consentText: "" })).toMatchObject({ ok: false, status: 409 });
    expect(await updateParticipantSettings("no-such-study", { consentText: "" })).toMatchObject({ ok: false, status: 404 });
  });

  it("puts each member's consent time in the archive", async () => {
    const f = await makeOpenStudy(1, { consentText: CONSENT });
    const [yes, no] = await makeRaters(f.study.id, 2);
    const accepted = await acceptConsent(f.study.id, yes!.id);
    const text = await new Response(archiveStream(f.study.id)).text();
    const records = text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const members = records.filter((r) => r.type === "member");
    expect(members).toHaveLength(2);
    expect(members.find((m) => m.rater === yes!.pseudonym)).toMatchObject({ consentedAt: accepted.ok && accepted.consentedAt.toISOString(), votes: 0 });
    expect(members.find((m) => m.rater === no!.pseudonym)).toMatchObject({ consentedAt: null });
    expect(records.find((r) => r.type === "study")).toMatchObject({ consentText: CONSENT });
    expect(text).not.toContain(yes!.email);
  });
});
