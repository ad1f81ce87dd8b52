import { describe, expect, it } from "vitest";
import { resolveLimits } from "./limits";
import { readUpload } from "./read-upload";

const settings = { modelName: "m", allowEmptyOutputs: false, limits: resolveLimits() };
const read = (text: string) => readUpload(text, settings);
const firstError = (text: string) => {
  const { outcome } = read(text);
  return outcome.ok ? undefined : outcome.errors[0]?.message;
};

describe("readUpload picks the container from the content", () => {
  it("reads a JSON array", () => {
    expect(read('  [{"instruction":"a","output":"b"}]')).toMatchObject({
      format: "alpaca_json",
      outcome: { ok: true },
    });
  });

  it("reads JSON Lines", () => {
    expect(read('{"instruction":"a","output":"b"}\n')).toMatchObject({ format: "alpaca_jsonl", outcome: { ok: true } });
  });

  it("reads CSV", () => {
    expect(read("instruction,output\na,b\n")).toMatchObject({ format: "csv", outcome: { ok: true } });
  });

  it("says when no format fits", () => {
    expect(firstError("# My outputs\n\nSome text")).toBe(
      'unrecognized format: not a JSON array, not JSON Lines, and not a CSV whose header has an "instruction" column (first line: "# My outputs")',
    );
  });

  it("explains a pretty-printed single JSON object, pointing at the list inside it", () => {
    expect(firstError('{\n  "data": [{"instruction": "a", "output": "b"}]\n}')).toBe(
      'the file is one JSON object, not a list of rows; upload a JSON array of objects or JSON Lines (the rows may be the "data" list inside it)',
    );
  });

  it("rejects a JSON array that does not hold objects", () => {
    expect(firstError('["a", "b"]')).toBe("the JSON array must hold one object per row, but row 1 is string");
  });

  it("reports later non-object rows per row", () => {
    const { outcome } = read('[{"instruction":"a","output":"b"}, 3]');
    expect(outcome).toMatchObject({ ok: false, errors: [{ row: 2, message: "expected an object, got number" }] });
  });

  it("rejects an empty JSON array", () => {
    expect(firstError("[]")).toBe("the file has no rows (an empty JSON array)");
  });

  it("rejects a CSV header that repeats a column", () => {
    expect(firstError("instruction,output,Output\na,b,c\n")).toBe('the CSV header has the column "output" twice');
  });

  it("rejects a CSV with only a header", () => {
    expect(firstError("instruction,output\n")).toBe("the file has no rows");
  });

  it("matches the chosen output field against CSV headers case-insensitively", () => {
    const { outcome } = readUpload("instruction,Response\na,b\n", { ...settings, outputField: "response" });
    expect(outcome).toMatchObject({ ok: true, records: [{ output: "b" }] });
  });
});
