import { describe, expect, it } from "vitest";
import { formatIngestErrors } from "./ingest-error";
import { parseUpload } from "./parse-upload";
import type { ParseOptions, ParseResult } from "./types";

const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, options: ParseOptions = {}) => parseUpload(utf8(text), options);

function messages(result: ParseResult): string[] {
  if (result.ok) throw new Error("expected the upload to be rejected");
  return formatIngestErrors(result.errors, result.errorCount);
}

const alpacaJsonl = [
  { instruction: "Translate to French.", input: "cat", output: "chat" },
  { instruction: "Add the numbers.", input: "2, 2", output: "4" },
]
  .map((row) => JSON.stringify(row))
  .join("\n");

describe("parseUpload: formats from inline fixtures", () => {
  it("parses Alpaca JSONL with the model name from the form", () => {
    const result = parse(alpacaJsonl, { modelName: " my-model " });
    expect(result).toMatchObject({
      ok: true,
      format: "alpaca_jsonl",
      kind: "outputs",
      models: ["my-model"],
      rowCount: 2,
    });
    expect(result.ok && result.records[1]).toEqual({
      row: 2,
      model: "my-model",
      instruction: "Add the numbers.",
      input: "2, 2",
      output: "4",
      category: null,
      externalId: null,
      promptKey: "Add the numbers. 2, 2",
      userTurns: [],
      system: null,
      turns: [],
      promptById: false,
    });
  });

  it("parses a multi-model CSV with categories and ids", () => {
    const csv = "id,instruction,input,output,model,category\n1,Say hi,,Hi!,a,chat\n1,Say hi,,Hello.,b,chat\n";
    const result = parse(csv);
    expect(result).toMatchObject({ ok: true, format: "csv", models: ["a", "b"], rowCount: 2 });
    expect(result.ok && result.records[0]).toMatchObject({ row: 1, externalId: "1", category: "chat", input: "" });
  });

  it("returns the sha256 of the uploaded bytes", () => {
    const result = parse(alpacaJsonl, { modelName: "m" });
    // Independent: node's crypto on the same bytes would give the same; pin the format here.
    expect(result.ok && result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("flags identity leaks without rejecting the file", () => {
    const result = parse('[{"instruction":"Who are you?","output":"I am ChatGPT.","generator":"x-model"}]');
    expect(result).toMatchObject({
      ok: true,
      leaks: [{ row: 1, model: "x-model", phrase: "i am chatgpt", excerpt: "I am ChatGPT." }],
    });
  });
});

describe("parseUpload: broken inputs from inline fixtures", () => {
  it("rejects an empty file", () => {
    expect(messages(parse(""))).toEqual(["the file is empty"]);
  });

  it("accepts a UTF-8 BOM", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("instruction,output,model\na,b,m\n")]);
    expect(parseUpload(bytes)).toMatchObject({ ok: true, format: "csv", records: [{ instruction: "a" }] });
  });

  it("rejects a NUL byte and invalid UTF-8", () => {
    const withNul = Uint8Array.from([...utf8("instruction,output\n"), 0, ...utf8("x")]);
    expect(messages(parseUpload(withNul))[0]).toMatch(/^the file contains a NUL byte at byte offset 19 \(line 2\)/);
    const latin1 = Uint8Array.from([...utf8("instruction,output,model\ncaf"), 0xe9, ...utf8(",b,m\n")]);
    expect(messages(parseUpload(latin1))[0]).toMatch(/^the file is not valid UTF-8 \(byte offset 28, line 2\)/);
  });

  it("rejects a CSV with a stray quote, naming the row", () => {
    const csv = 'instruction,output,model\na,b,m\nc,"he said "hi"",m\n';
    expect(messages(parse(csv))[0]).toBe(
      'row 2: stray quote in a quoted field (line 3); inside quotes, write a quote as ""',
    );
  });

  it("reports wrong types and empty fields row by row, like 'row 2: output is empty'", () => {
    const json = JSON.stringify([
      { instruction: "a", output: 42, generator: "g" },
      { instruction: "b", output: "  ", generator: "g" },
      { output: "c", generator: "g" },
    ]);
    expect(messages(parse(json))).toEqual([
      "row 1: output must be text, got number",
      "row 2: output is empty",
      "row 3: instruction is missing",
    ]);
  });

  it("accepts empty outputs only when asked", () => {
    const json = '[{"instruction":"a","output":"","generator":"g"}]';
    expect(parse(json).ok).toBe(false);
    expect(parse(json, { allowEmptyOutputs: true })).toMatchObject({ ok: true, records: [{ output: "" }] });
  });

  it("rejects duplicate (model, prompt) rows, naming both rows", () => {
    const jsonl = `${alpacaJsonl}\n${JSON.stringify({ instruction: "Translate to  French.\n\ncat", output: "le chat" })}`;
    expect(messages(parse(jsonl, { modelName: "m" }))).toEqual([
      'row 3: rows 1 and 3 are duplicates: the same prompt for model "m"',
    ]);
  });

  it("enforces the row, byte, field-length and depth limits from the options", () => {
    expect(messages(parse(alpacaJsonl, { modelName: "m", limits: { maxRows: 1 } }))).toEqual([
      "the file has more than 1 rows, the limit",
    ]);
    expect(messages(parse(alpacaJsonl, { modelName: "m", limits: { maxBytes: 50 } }))[0]).toMatch(
      /^the file is too large/,
    );
    expect(messages(parse(alpacaJsonl, { modelName: "m", limits: { maxFieldChars: 10 } }))[0]).toBe(
      "row 1: instruction is too long (20 characters; the limit is 10)",
    );
    expect(messages(parse('[{"instruction":{"a":{"b":[1]}}}]', { limits: { maxDepth: 4 } }))[0]).toMatch(
      /nested too deeply/,
    );
  });

  it("shows the first N errors and counts the rest", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ instruction: `q${i}`, output: "", generator: "g" }));
    const result = parse(JSON.stringify(rows));
    expect(result).toMatchObject({ ok: false, errorCount: 30 });
    expect(messages(result)).toHaveLength(21);
    expect(messages(result).at(-1)).toBe("…and 10 more");
  });

  it("validates the form options with the shared schema", () => {
    expect(parse(alpacaJsonl, { modelName: "a\u0007b" })).toMatchObject({
      ok: false,
      errors: [{ field: "modelName" }],
    });
    expect(parse(alpacaJsonl, { modelName: "m", outputField: "instruction" })).toMatchObject({
      ok: false,
      errors: [{ field: "outputField" }],
    });
  });

  it("treats blank form values as not given", () => {
    expect(messages(parse(alpacaJsonl, { modelName: "  " }))[0]).toMatch(/does not name its model/);
  });
});
