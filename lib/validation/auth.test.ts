import { describe, expect, it } from "vitest";
import { emailSchema, newPasswordSchema, signInSchema } from "./auth";

describe("auth schemas", () => {
  it("normalises emails to trimmed lower case, as the database requires", () => {
    expect(emailSchema.parse("  Ada@Example.ORG ")).toBe("ada@example.org");
    expect(emailSchema.safeParse("not an email").success).toBe(false);
  });

  it("requires new passwords of at least 10 characters", () => {
    expect(newPasswordSchema.safeParse("123456789").success).toBe(false);
    expect(newPasswordSchema.safeParse("1234567890").success).toBe(true);
  });

  it("requires both sign-in fields", () => {
    const result = signInSchema.safeParse({ email: "a@b.example", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter your password");
  });
});
