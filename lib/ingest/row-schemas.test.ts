import { describe, expect, it } from "vitest";
import { buildOutputRowSchema, buildPromptRowSchema, issueField } from "./row-schemas";

const options = { outputField: "output", maxFieldChars: 1_000, allowEmptyOutputs: false };

describe("buildOutputRowSchema", () => {
  it("maps an Alpaca row to the canonical shape", () => {
    const row = { instruction: "Add", input: "2+2", output: "4", model: "m", category: "math", id: 3 };
    expect(buildOutputRowSchema(options).parse(row)).toEqual({
      instruction: "Add",
      input: "2+2",
      output: "4",
      model: "m",
      category: "math",
      externalId: "3",
    });
  });

  it("reads AlpacaEval's generator and dataset", () => {
    const row = { instruction: "Hi", output: "Hello", generator: "g", dataset: "koala" };
    expect(buildOutputRowSchema(options).parse(row)).toMatchObject({
      input: "",
      model: "g",
      category: "koala",
      externalId: null,
    });
  });

  it("reads the output from a chosen field and names that field in errors", () => {
    const schema = buildOutputRowSchema({ ...options, outputField: "response" });
    expect(schema.parse({ instruction: "a", response: " b", output: "ignored" })).toMatchObject({ output: "b" });
    const result = schema.safeParse({ instruction: "a", response: "" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["output"], message: "response is empty" });
  });

  it("holds model names from the file to the form's rules", () => {
    const result = buildOutputRowSchema(options).safeParse({ instruction: "a", output: "b", generator: "x\ty" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["generator"],
      message: "generator must not contain control or text-direction characters",
    });
  });

  it("rejects a row that is not an object", () => {
    expect(buildOutputRowSchema(options).safeParse("text").error?.issues[0]?.message).toBe(
      "expected an object, got string",
    );
  });
});

describe("buildPromptRowSchema", () => {
  const schema = buildPromptRowSchema(1_000);

  it("takes the input from the first instance and the category from motivation_app", () => {
    const row = {
      id: "t0",
      motivation_app: "Grammarly",
      instruction: "Fix",
      instances: [{ input: "teh", output: "the" }],
    };
    expect(schema.parse(row)).toEqual({ instruction: "Fix", input: "teh", category: "Grammarly", externalId: "t0" });
  });

  it("rejects an empty instances list", () => {
    const result = schema.safeParse({ instruction: "Fix", instances: [] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["instances"], message: "instances is empty" });
  });
});

describe("issueField", () => {
  it("renders nested paths and maps output back to the chosen field", () => {
    expect(issueField(["instances", 0, "input"], "output")).toBe("instances[0].input");
    expect(issueField(["output"], "response")).toBe("response");
    expect(issueField([], "output")).toBeUndefined();
  });
});
