import { describe, expect, it } from "vitest";
import { createStudySchema } from "./study";
import { participantSettingsSchema } from "./participants";

describe("participant settings", () => {
  it("trims the consent text, treats blank codes as none, and takes only http(s) screen-out URLs", () => {
    expect(participantSettingsSchema.parse({ consentText: "  # Consent \n", screenOutCode: " ", screenOutUrl: "" }))
      .toEqual({ consentText: "# Consent", screenOutCode: undefined, screenOutUrl: undefined });
    const issues = participantSettingsSchema.safeParse({ consentText: "", screenOutUrl: "javascript:alert(1)" }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["screenOutUrl", "The screen-out URL must be an http(s) URL"]]);
    expect(participantSettingsSchema.safeParse({ consentText: "x".repeat(50_001) }).success).toBe(false);
  });

  it("are part of the new-study settings, empty by default", () => {
    const parsed = createStudySchema.parse({ name: "S", modelIds: ["a", "b"] });
    expect(parsed).toMatchObject({ consentText: "" });
    expect(parsed.screenOutCode).toBeUndefined();
    expect(createStudySchema.parse({ name: "S", modelIds: ["a", "b"], screenOutCode: "SC-1" }).screenOutCode).toBe("SC-1");
  });
});
