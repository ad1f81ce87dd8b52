import { describe, expect, it } from "vitest";
import { createApiTokenSchema } from "./api-token";

describe("createApiTokenSchema", () => {
  it("takes one of the offered lifetimes, 90 days when none is given", () => {
    for (const days of [7, 30, 90, 365]) {
      expect(createApiTokenSchema.parse({ name: "export", expiresInDays: days }).expiresInDays).toBe(days);
    }
    expect(createApiTokenSchema.parse({ name: "export" }).expiresInDays).toBe(90);
  });

  it("refuses any other lifetime, including none at all", () => {
    for (const expiresInDays of [0, 1, 91, 36500, -7, 7.5, "30", null, Infinity]) {
      const parsed = createApiTokenSchema.safeParse({ name: "export", expiresInDays });
      expect(parsed.success, String(expiresInDays)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Choose an expiry of 7, 30, 90 or 365 days");
    }
  });
});
