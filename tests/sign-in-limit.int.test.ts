// Sign-in rate limiting per account and per address, shared by all server processes through the database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pruneSignInAttempts, recordSignInAttempt, signInBlocked } from "@/lib/data/sign-in-attempts";
import { unique } from "./factories";

const limit = { maxPerAccount: 3, maxPerAddress: 5, windowMinutes: 15 };

describe("sign-in rate limit", () => {
  it("blocks an account after its failures, whatever the address", async () => {
    const email = `${unique("victim")}@test.example`;
    for (let i = 0; i < 3; i++) {
      expect(await signInBlocked(email, `10.0.0.${i}`, limit)).toBe(false);
      await recordSignInAttempt(email, `10.0.0.${i}`, false);
    }
    expect(await signInBlocked(email, "10.9.9.9", limit)).toBe(true);
    expect(await signInBlocked(`${unique("other")}@test.example`, "10.9.9.9", limit)).toBe(false);
  });

  it("blocks an address trying many accounts", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${unique("a")}`;
    for (let i = 0; i < 5; i++) await recordSignInAttempt(`${unique("spray")}@test.example`, address, false);
    expect(await signInBlocked(`${unique("fresh")}@test.example`, address, limit)).toBe(true);
  });

  it("forgets failures outside the window and after a successful sign-in", async () => {
    const email = `${unique("typo")}@test.example`;
    for (let i = 0; i < 2; i++) await recordSignInAttempt(email, "203.0.113.1", false);
    await recordSignInAttempt(email, "203.0.113.1", true);
    await recordSignInAttempt(email, "203.0.113.1", false);
    await recordSignInAttempt(email, "203.0.113.1", false);
    expect(await signInBlocked(email, "203.0.113.2", limit)).toBe(false);
    await recordSignInAttempt(email, "203.0.113.3", false);
    expect(await signInBlocked(email, "203.0.113.4", limit)).toBe(true);
    await db.signInAttempt.updateMany({ where: { key: `email:${email}` }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
    expect(await signInBlocked(email, "203.0.113.4", limit)).toBe(false);
  });

  it("prunes attempts older than a day", async () => {
    const email = `${unique("old")}@test.example`;
    await recordSignInAttempt(email, "203.0.113.9", false);
    await db.signInAttempt.updateMany({ where: { key: `email:${email}` }, data: { createdAt: new Date(Date.now() - 3 * 86_400_000) } });
    expect(await pruneSignInAttempts(24)).toBeGreaterThan(0);
    expect(await db.signInAttempt.count({ where: { key: `email:${email}` } })).toBe(0);
  });
});
