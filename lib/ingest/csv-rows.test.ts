import { describe, expect, it } from "vitest";
import { normalizeHeader, readCsvHeader, readCsvRows } from "./csv-rows";
import type { SourceItem } from "./source-item";

function readAll(text: string): SourceItem[] {
  const items: SourceItem[] = [];
  readCsvRows(text, (item) => {
    items.push(item);
    return true;
  });
  return items;
}

describe("readCsvHeader", () => {
  it("normalizes column names (trimmed, lower case)", () => {
    expect(readCsvHeader(' Instruction ,"Output",MODEL\na,b,c')).toEqual(["instruction", "output", "model"]);
    expect(normalizeHeader("  Category ")).toBe("category");
  });

  it("returns no columns for an empty text", () => {
    expect(readCsvHeader("")).toEqual([]);
  });
});

describe("readCsvRows", () => {
  it("numbers records from 1 after the header, even when a field spans lines", () => {
    const items = readAll('instruction,output\r\n"two\r\nlines",x\r\n\r\nb,y\r\n');
    expect(items).toEqual([
      { row: 1, value: { instruction: "two\r\nlines", output: "x" } },
      { row: 2, value: { instruction: "b", output: "y" } },
    ]);
  });

  it("reports a stray quote on the record it belongs to, with the line", () => {
    const items = readAll('instruction,output\na,b\nc,"d"e\n');
    const errors = items.filter((item) => "error" in item);
    expect(errors[0]).toEqual({
      row: 2,
      error: { row: 2, message: 'stray quote in a quoted field (line 3); inside quotes, write a quote as ""' },
    });
  });

  it("reports a quote that is never closed", () => {
    const items = readAll('instruction,output\n"a,b\nc,d\n');
    expect(items.some((item) => "error" in item && /never closed \(line 2\)/.test(item.error.message))).toBe(true);
  });

  it("reports a record with too many fields", () => {
    const items = readAll("instruction,output\na,b,c\n");
    expect(items).toEqual([
      { row: 1, error: { row: 1, message: "CSV: Too many fields: expected 2 fields but parsed 3" } },
    ]);
  });

  it("stops when the callback says so", () => {
    let calls = 0;
    readCsvRows("instruction\na\nb\nc\n", () => {
      calls += 1;
      return calls < 2;
    });
    expect(calls).toBe(2);
  });
});
