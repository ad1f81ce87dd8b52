import { describe, expect, it } from "vitest";
import { MODEL_NAME_MAX_CHARS, uploadFormSchema } from "./upload";

// Tests for lib/validation/upload.ts, kept here because this change may only add files under lib/ingest.
describe("uploadFormSchema", () => {
  it("reads an HTML form: blank text means not given, checkbox values become booleans", () => {
    expect(uploadFormSchema.parse({ modelName: "  ", outputField: "", replace: "on" })).toEqual({
      modelName: undefined,
      outputField: undefined,
      replace: true,
      allowEmptyOutputs: false,
    });
  });

  it("trims names and keeps a chosen output field", () => {
    expect(
      uploadFormSchema.parse({ modelName: " alpaca-7b ", outputField: " response ", replace: false }),
    ).toMatchObject({
      modelName: "alpaca-7b",
      outputField: "response",
      replace: false,
    });
  });

  it('reads "false" as false (z.coerce.boolean would say true)', () => {
    expect(uploadFormSchema.parse({ replace: "false", allowEmptyOutputs: "true" })).toMatchObject({
      replace: false,
      allowEmptyOutputs: true,
    });
  });

  it("rejects a too-long model name, control characters and a reserved output field", () => {
    expect(uploadFormSchema.safeParse({ modelName: "x".repeat(MODEL_NAME_MAX_CHARS + 1) }).success).toBe(false);
    expect(uploadFormSchema.safeParse({ modelName: "a\nb" }).success).toBe(false);
    const reserved = uploadFormSchema.safeParse({ outputField: "Instruction" });
    expect(reserved.error?.issues[0]?.message).toMatch(/cannot be one of/);
  });

  it("rejects a checkbox value it cannot read", () => {
    expect(uploadFormSchema.safeParse({ replace: "maybe" }).error?.issues[0]?.message).toBe("Expected yes or no");
  });
});
