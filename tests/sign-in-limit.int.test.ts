// Sign-in rate limiting per account and per address, shared by all server processes through the database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pruneAttempts, takeAttempt } from "@/lib/data/rate-limit";
import { beginSignIn, signInSucceeded } from "@/lib/data/sign-in-attempts";
import { unique } from "./factories";

const limit = { maxPerAccount: 3, maxPerAddress: 5, windowMinutes: 15 };
const failures = (key: string) => db.signInAttempt.count({ where: { key, succeeded: false } });

describe("sign-in rate limit", () => {
  it("blocks an account after its failures, whatever the address", async () => {
    const email = `${unique("victim")}@test.example`;
    for (let i = 0; i < 3; i++) expect((await beginSignIn(email, `10.0.0.${i}`, limit)).allowed).toBe(true);
    expect((await beginSignIn(email, "10.9.9.9", limit)).allowed).toBe(false);
    expect((await beginSignIn(`${unique("other")}@test.example`, "10.9.9.9", limit)).allowed).toBe(true);
  });

  it("blocks an address trying many accounts", async () => {
    const address = `198.51.100.7-${unique("a")}`;
    for (let i = 0; i < 5; i++) expect((await beginSignIn(`${unique("spray")}@test.example`, address, limit)).allowed).toBe(true);
    expect((await beginSignIn(`${unique("fresh")}@test.example`, address, limit)).allowed).toBe(false);
  });

  it("lets exactly the limit through when twelve wrong guesses arrive at once, and records all twelve", async () => {
    const email = `${unique("parallel")}@test.example`;
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => beginSignIn(email, `192.0.2.${i}`, limit)));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(limit.maxPerAccount);
    expect(await failures(`email:${email}`)).toBe(12);
  });

  it("forgets the account's failures after a successful sign-in, and outside the window", async () => {
    const email = `${unique("typo")}@test.example`;
    for (let i = 0; i < 2; i++) await beginSignIn(email, "203.0.113.1", limit);
    await signInSucceeded(await beginSignIn(email, "203.0.113.1", limit), email);
    expect(await failures(`email:${email}`)).toBe(0);
    // The success does not count against the address either.
    expect(await failures("ip:203.0.113.1")).toBe(2);
    for (let i = 0; i < 3; i++) expect((await beginSignIn(email, "203.0.113.2", limit)).allowed).toBe(true);
    expect((await beginSignIn(email, "203.0.113.4", limit)).allowed).toBe(false);
    await db.signInAttempt.updateMany({ where: { key: `email:${email}` }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
    expect((await beginSignIn(email, "203.0.113.4", limit)).allowed).toBe(true);
  });

  it("lets the same account sign in from many places at once (no deadlock between successes)", async () => {
    const email = `${unique("tabs")}@test.example`;
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 8 }, async (_, i) => {
        const attempt = await beginSignIn(email, `tab-${i}-${email}`, { ...limit, maxPerAccount: 100 });
        expect(attempt.allowed).toBe(true);
        await signInSucceeded(attempt, email);
      }));
    }
    expect(await failures(`email:${email}`)).toBe(0);
    expect(await db.signInAttempt.count({ where: { key: { endsWith: email, startsWith: "ip:tab-" }, succeeded: false } })).toBe(0);
  });

  it("checks every key of an attempt: one exhausted key refuses it", async () => {
    const strict = unique("strict");
    const generous = unique("generous");
    expect((await takeAttempt([{ key: strict, max: 1 }, { key: generous, max: 100 }], 15)).allowed).toBe(true);
    expect((await takeAttempt([{ key: generous, max: 100 }, { key: strict, max: 1 }], 15)).allowed).toBe(false);
  });

  it("prunes attempts older than a day", async () => {
    const email = `${unique("old")}@test.example`;
    await beginSignIn(email, "203.0.113.9", limit);
    await db.signInAttempt.updateMany({ where: { key: `email:${email}` }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    expect(await pruneAttempts(24)).toBeGreaterThan(0);
    expect(await db.signInAttempt.count({ where: { key: `email:${email}` } })).toBe(0);
  });
});
