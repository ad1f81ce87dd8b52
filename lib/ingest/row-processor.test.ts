import { describe, expect, it } from "vitest";
import { createRowProcessor } from "./row-processor";
import { buildOutputRowSchema } from "./row-schemas";
import { outputConverter } from "./to-record";

function processor(maxRows = 10, maxErrors = 20) {
  const schema = buildOutputRowSchema({ outputField: "output", maxFieldChars: 1_000, allowEmptyOutputs: false });
  return createRowProcessor(outputConverter(schema, "output", "m"), (records) => ({ kind: "outputs", records }), {
    maxRows,
    maxErrors,
  });
}

const row = (n: number) => ({ instruction: `q${n}`, output: `a${n}` });

describe("createRowProcessor", () => {
  it("returns all records of a clean file", () => {
    const p = processor();
    [1, 2].forEach((n) => p.push({ row: n, value: row(n) }));
    const outcome = p.finish();
    expect(outcome.ok && outcome.records.map((r) => r.promptKey)).toEqual(["q1", "q2"]);
  });

  it("rejects the whole file when any row is bad", () => {
    const p = processor();
    p.push({ row: 1, value: row(1) });
    p.push({ row: 2, value: { instruction: "q", output: 5 } });
    p.push({ row: 3, value: row(3) });
    expect(p.finish()).toEqual({
      ok: false,
      errors: [{ row: 2, field: "output", message: "output must be text, got number" }],
      errorCount: 1,
    });
  });

  it("reports duplicates found across rows", () => {
    const p = processor();
    p.push({ row: 1, value: row(1) });
    p.push({ row: 2, value: { instruction: " q1 ", output: "other" } });
    expect(p.finish()).toMatchObject({
      ok: false,
      errors: [{ row: 2, message: 'rows 1 and 2 are duplicates: the same prompt for model "m"' }],
    });
  });

  it("stops at the row limit", () => {
    const p = processor(2);
    expect(p.push({ row: 1, value: row(1) })).toBe(true);
    expect(p.push({ row: 2, value: row(2) })).toBe(true);
    expect(p.push({ row: 3, value: row(3) })).toBe(false);
    expect(p.finish()).toMatchObject({ ok: false, errors: [{ message: "the file has more than 2 rows, the limit" }] });
  });

  it("counts several errors of one CSV record as one row", () => {
    const p = processor(1);
    const error = { row: 1, message: "bad quote" };
    expect(p.push({ row: 1, error })).toBe(true);
    expect(p.push({ row: 1, error })).toBe(true);
  });

  it("keeps the first N errors and counts the rest", () => {
    const p = processor(100, 3);
    for (let n = 1; n <= 10; n += 1) p.push({ row: n, value: { instruction: "", output: "x" } });
    expect(p.finish()).toMatchObject({ ok: false, errorCount: 10, errors: [{ row: 1 }, { row: 2 }, { row: 3 }] });
  });

  it("rejects a file with no rows", () => {
    expect(processor().finish()).toEqual({ ok: false, errors: [{ message: "the file has no rows" }], errorCount: 1 });
  });
});
