import { describe, expect, it } from "vitest";
import { cleanText, optionalId, optionalText, requiredText, typeName } from "./text-fields";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("requiredText", () => {
  const output = requiredText("output", 10);

  it("cleans the text: LF line endings, outer whitespace dropped", () => {
    expect(output.parse(" a\r\nb\n")).toBe("a\nb");
  });

  it.each([
    [undefined, "output is missing"],
    [42, "output must be text, got number"],
    [null, "output must be text, got null"],
    [["a"], "output must be text, got an array"],
    [" \n ", "output is empty"],
    ["x".repeat(11), "output is too long (11 characters; the limit is 10)"],
  ])("rejects %j with %s", (input, message) => {
    expect(messageOf(output.safeParse(input))).toBe(message);
  });

  it("accepts an empty text when allowed", () => {
    expect(requiredText("output", 10, true).parse(" ")).toBe("");
  });
});

describe("optionalText", () => {
  it("turns missing, null and blank into null", () => {
    const input = optionalText("input", 10);
    expect(input.parse(undefined)).toBeNull();
    expect(input.parse(null)).toBeNull();
    expect(input.parse("  ")).toBeNull();
    expect(input.parse(" x ")).toBe("x");
  });
});

describe("optionalId", () => {
  it("accepts text and whole numbers, returning text", () => {
    const id = optionalId("id", 10);
    expect(id.parse(7)).toBe("7");
    expect(id.parse(" a1 ")).toBe("a1");
    expect(id.parse("")).toBeNull();
    expect(messageOf(id.safeParse(true))).toBe("id must be text or a whole number, got boolean");
  });
});

describe("helpers", () => {
  it("names types the way an admin would", () => {
    expect([null, [], {}, 1, "s"].map(typeName)).toEqual(["null", "an array", "an object", "number", "string"]);
  });

  it("cleanText leaves inner whitespace alone", () => {
    expect(cleanText("\n a  b \r c ")).toBe("a  b \n c");
  });
});

describe("NUL characters", () => {
  it("are refused in any text field, since PostgreSQL cannot store them", () => {
    const result = requiredText("instruction", 100).safeParse("a\u0000b");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("instruction contains a NUL character");
  });
});
