// The demo seed gives every role an account and one open study, and adds nothing the second time.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, demoAccountsWithPublishedPasswords, replacePublishedDemoPasswords } from "@/lib/data/demo-accounts";
import { seedDemo } from "@/lib/demo/seed-demo";
import { DEMO_PROMPTS } from "@/lib/demo/demo-content";

async function counts() {
  const [users, studies, pairs, votes, outputs] = await Promise.all([
    db.user.count(), db.study.count({ where: { isDemo: true } }), db.pair.count(), db.vote.count(), db.output.count(),
  ]);
  return { users, studies, pairs, votes, outputs };
}

describe("demo seed", () => {
  it("seeds once and is idempotent", async () => {
    await seedDemo();
    const first = await counts();
    expect(await seedDemo()).toBe("already-seeded");
    expect(await counts()).toEqual(first);

    const study = await db.study.findFirstOrThrow({ where: { isDemo: true }, include: { _count: { select: { pairs: true, models: true } } } });
    expect(study.status).toBe("OPEN");
    expect(study._count.models).toBe(2);
    expect(study._count.pairs).toBe(DEMO_PROMPTS.length);
    const votes = await db.vote.findMany({ where: { studyId: study.id }, select: { isDemo: true, pairId: true } });
    expect(votes.length).toBeGreaterThan(0);
    expect(votes.every((v) => v.isDemo)).toBe(true);
    // Pair.voteCount agrees with the votes actually stored.
    const pairs = await db.pair.findMany({ where: { studyId: study.id }, select: { id: true, voteCount: true } });
    for (const pair of pairs) expect(pair.voteCount).toBe(votes.filter((v) => v.pairId === pair.id).length);
  });

  it("creates a demo account for each role, with the documented password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash!, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash!, `${account.password}x`)).toBe(false);
    }
  });

  it("gives the published-password accounts random passwords, once, and ends their sessions", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const session = await db.authSession.create({ data: { id: `s-${admin.id}`, userId: admin.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect((await demoAccountsWithPublishedPasswords()).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    const replaced = await replacePublishedDemoPasswords();
    expect(replaced.map((r) => r.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(await demoAccountsWithPublishedPasswords()).toEqual([]);
    const after = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(await verifyPassword(after.passwordHash!, "pairwise-admin")).toBe(false);
    expect(await verifyPassword(after.passwordHash!, replaced.find((r) => r.email === "admin@example.com")!.password)).toBe(true);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    expect(await replacePublishedDemoPasswords()).toEqual([]);
  });

  it("does not bring back a demo account an admin deleted", async () => {
    await db.user.update({ where: { email: "researcher@example.com" }, data: { email: null, passwordHash: null, deletedAt: new Date() } });
    expect(await seedDemo()).toBe("already-seeded");
    expect(await db.user.findUnique({ where: { email: "researcher@example.com" } })).toBeNull();
  });
});
