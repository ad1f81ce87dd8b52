import { describe, expect, it } from "vitest";
import { createStudySchema } from "./study";
import { modelNameSchema } from "./upload";

describe("names", () => {
  it("refuses right-to-left overrides and control characters in model and study names", () => {
    expect(modelNameSchema.safeParse("gpt\u202Eevil").error?.issues[0]?.message).toBe("The model name must not contain control or text-direction characters");
    expect(modelNameSchema.safeParse("tab\there").success).toBe(false);
    expect(createStudySchema.safeParse({ name: "study \u2067x", modelIds: ["a", "b"] }).success).toBe(false);
  });

  it("accepts ordinary names in any script", () => {
    expect(modelNameSchema.safeParse("alpaca-7b").success).toBe(true);
    expect(modelNameSchema.safeParse("نموذج عربي").success).toBe(true);
    expect(createStudySchema.safeParse({ name: "日本語の研究", modelIds: ["a", "b"] }).success).toBe(true);
  });
});
