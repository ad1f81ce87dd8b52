import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/pairwise";

describe("parseEnv", () => {
  it("accepts a development setup without an auth secret", () => {
    expect(parseEnv({ DATABASE_URL }).NODE_ENV).toBe("development");
  });

  it("refuses production without NEXTAUTH_SECRET and says which variable and why", () => {
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: NEXTAUTH_SECRET is required in production/);
  });

  it("names a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it("refuses a short secret and a weak ADMIN_PASSWORD", () => {
    expect(() => parseEnv({ DATABASE_URL, NEXTAUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(() => parseEnv({ DATABASE_URL, ADMIN_EMAIL: "a@b.example", ADMIN_PASSWORD: "123" })).toThrow(/ADMIN_PASSWORD/);
  });

  it("coerces numeric settings", () => {
    expect(parseEnv({ DATABASE_URL, SESSION_MAX_AGE_HOURS: "2" }).SESSION_MAX_AGE_HOURS).toBe(2);
  });
});
