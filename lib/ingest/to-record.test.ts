import { describe, expect, it } from "vitest";
import { buildOutputRowSchema, buildPromptRowSchema } from "./row-schemas";
import { outputConverter, promptConverter } from "./to-record";

const schema = buildOutputRowSchema({ outputField: "output", maxFieldChars: 1_000, allowEmptyOutputs: false });

describe("outputConverter", () => {
  it("builds a record with the prompt key", () => {
    const convert = outputConverter(schema, "output");
    expect(convert(4, { instruction: "Fix:", input: "teh", output: "the", generator: "g" })).toEqual({
      ok: true,
      record: {
        row: 4,
        model: "g",
        instruction: "Fix:",
        input: "teh",
        output: "the",
        category: null,
        externalId: null,
        promptKey: "Fix: teh",
        userTurns: [],
        system: null,
        turns: [],
        promptById: false,
      },
    });
  });

  it("uses the form's model name when the row has none", () => {
    const convert = outputConverter(schema, "output", "form-model");
    expect(convert(1, { instruction: "a", output: "b" })).toMatchObject({ ok: true, record: { model: "form-model" } });
  });

  it("rejects a row whose model differs from the form's instead of relabeling it", () => {
    const convert = outputConverter(schema, "output", "typo");
    expect(convert(2, { instruction: "a", output: "b", model: "real" })).toEqual({
      ok: false,
      errors: [
        { row: 2, field: "model", message: expect.stringMatching(/names the model "real" but the form says "typo"/) },
      ],
    });
  });

  it("reports every invalid field of a row", () => {
    const result = outputConverter(schema, "output", "m")(9, { instruction: 1, output: " " });
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 9, field: "instruction", message: "instruction must be text, got number" },
        { row: 9, field: "output", message: "output is empty" },
      ],
    });
  });
});

describe("promptConverter", () => {
  it("builds a prompt record with no model and no output", () => {
    const convert = promptConverter(buildPromptRowSchema(1_000));
    const row = {
      id: "t1",
      motivation_app: "Gmail",
      instruction: "Reply.",
      instances: [{ input: "Hi", output: "ref" }],
    };
    expect(convert(1, row)).toEqual({
      ok: true,
      record: {
        row: 1,
        model: null,
        instruction: "Reply.",
        input: "Hi",
        output: null,
        category: "Gmail",
        externalId: "t1",
        promptKey: "Reply. Hi",
        userTurns: [],
        system: null,
        turns: [],
        promptById: false,
      },
    });
  });
});
