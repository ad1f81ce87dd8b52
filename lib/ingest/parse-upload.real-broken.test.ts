import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatIngestErrors } from "./ingest-error";
import { parseUpload } from "./parse-upload";
import { hasRealData, readRealFile, readRealJson, REAL_FILES } from "./test-real-data";
import type { ParseOptions, ParseResult } from "./types";

// Broken variants derived in memory from the real files, so each failure is realistic in
// size and content. The originals are never modified or copied.

type Row = Record<string, unknown>;

const utf8 = (text: string) => new TextEncoder().encode(text);
const fromRows = (rows: unknown[], options?: ParseOptions) => parseUpload(utf8(JSON.stringify(rows, null, 2)), options);

function messages(result: ParseResult): string[] {
  if (result.ok) throw new Error("expected the upload to be rejected");
  return formatIngestErrors(result.errors, result.errorCount);
}

describe.skipIf(!hasRealData)("broken variants of real data from ../shared/data (skipped when absent)", () => {
  const rows = () => readRealJson(REAL_FILES.alpaca7b) as Row[];
  const bytes = () => readRealFile(REAL_FILES.alpaca7b);

  it("truncated JSON: says so and names the last complete row", () => {
    const text = new TextDecoder().decode(bytes());
    const cut = text.slice(0, Math.floor(text.length / 2));
    // Independent count: each complete object in this pretty-printed file ends with "\n  },".
    const complete = cut.split("\n  },").length - 1;
    expect(messages(parseUpload(utf8(cut)))).toEqual([
      `the JSON ends unexpectedly at line ${cut.split("\n").length} — the file looks truncated; the last complete row is row ${complete}`,
    ]);
  });

  it("missing field, wrong type and empty output are reported per row", () => {
    const broken = rows();
    delete broken[16]?.output;
    (broken[4] as Row).output = 42;
    (broken[99] as Row).output = " ";
    expect(messages(fromRows(broken))).toEqual([
      "row 5: output must be text, got number",
      "row 17: output is missing",
      "row 100: output is empty",
    ]);
  });

  it("duplicate (model, prompt): names both rows", () => {
    const broken = [...rows(), { ...rows()[2], output: "another answer" }];
    expect(messages(fromRows(broken))).toEqual([
      'row 806: rows 3 and 806 are duplicates: the same prompt for model "alpaca-7b"',
    ]);
  });

  it("BOM: accepted and stripped", () => {
    const original = bytes();
    const withBom = new Uint8Array(original.length + 3);
    withBom.set([0xef, 0xbb, 0xbf]);
    withBom.set(original, 3);
    expect(parseUpload(withBom)).toMatchObject({ ok: true, format: "alpaca_eval", rowCount: 805 });
  });

  it("non-UTF-8 byte and NUL byte: rejected with the byte offset", () => {
    const latin1 = bytes().slice();
    latin1[1000] = 0xe9;
    expect(messages(parseUpload(latin1))[0]).toMatch(/^the file is not valid UTF-8 \(byte offset 1000, line \d+\)/);
    const withNul = bytes().slice();
    withNul[2000] = 0;
    expect(messages(parseUpload(withNul))[0]).toMatch(/^the file contains a NUL byte at byte offset 2000 /);
  });

  it("over the row limit and over the byte limit", () => {
    expect(messages(parseUpload(bytes(), { limits: { maxRows: 800 } }))).toEqual([
      "the file has 805 rows; the limit is 800",
    ]);
    expect(messages(parseUpload(bytes(), { limits: { maxBytes: 500_000 } }))[0]).toBe(
      "the file is too large: 539,271 bytes (0.5 MB); the limit is 500,000 bytes (0.5 MB)",
    );
  });

  it("field longer than the configured maximum", () => {
    // The longest alpaca-7b output, computed here, is the one that must trip a limit one below it.
    const longest = Math.max(...rows().map((r) => String(r.output).length));
    const result = parseUpload(bytes(), { limits: { maxFieldChars: longest - 1 } });
    expect(messages(result)[0]).toMatch(
      new RegExp(`output is too long \\(${longest.toLocaleString("en-US")} characters`),
    );
  });

  it("JSON Lines: the same rows one per line parse alike; a cut last line is called truncated", () => {
    const lines = rows().map((row) => JSON.stringify(row));
    expect(parseUpload(utf8(lines.join("\n")))).toMatchObject({ ok: true, format: "alpaca_jsonl", rowCount: 805 });
    const cut = `${lines.slice(0, -1).join("\n")}\n${lines.at(-1)?.slice(0, 40)}`;
    expect(messages(parseUpload(utf8(cut)))).toEqual([
      "row 805: invalid JSON on this line: it ends unexpectedly — the file looks truncated",
    ]);
  });

  it("CSV: the same rows as CSV give the same records; a stray quote is reported with its row", () => {
    const csv = Papa.unparse(rows(), { newline: "\r\n" });
    const fromJson = parseUpload(bytes());
    const fromCsv = parseUpload(utf8(csv));
    expect(fromCsv).toMatchObject({ ok: true, format: "csv", rowCount: 805 });
    const strip = (r: ParseResult) => (r.ok ? r.records.map((x) => [x.model, x.promptKey, x.output, x.category]) : []);
    expect(strip(fromCsv)).toEqual(strip(fromJson));
    const csvLines = csv.split("\r\n");
    // Splitting on CRLF is safe: the outputs' own line breaks are bare LF. Record 10 starts on a
    // later physical line, because earlier quoted fields span several lines.
    csvLines[10] = `"Stray "quote" here",${csvLines[10]}`;
    const line = `${csvLines.slice(0, 10).join("\r\n")}\r\n`.split("\n").length;
    expect(line).toBeGreaterThan(11);
    expect(messages(parseUpload(utf8(csvLines.join("\r\n"))))[0]).toMatch(
      new RegExp(`^row 10: stray quote in a quoted field \\(line ${line}\\)`),
    );
  });
});
