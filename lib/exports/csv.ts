// CSV cells that are safe to open in a spreadsheet: RFC 4180 quoting, plus OWASP's defence against
// CSV injection for free text (a cell starting with = + - @ tab or CR is prefixed with ' so it is
// never a formula). Identifiers, enums, numbers and timestamps are written exactly: an id that starts
// with "-" (1 random base64url id in 64) must still match the JSONL export and the database.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text a person or an upload wrote (instructions, outputs, model names, rationales): guarded. */
export type FreeText = { readonly freeText: string | null | undefined };
export type Cell = string | number | boolean | null | undefined | FreeText;

export function freeText(value: string | null | undefined): FreeText {
  return { freeText: value };
}

function quoted(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One cell: free text guarded against formulas, everything else only quoted. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const text = value.freeText;
    if (text === null || text === undefined) return "";
    return quoted(FORMULA_START.test(text) ? `'${text}` : text);
  }
  return typeof value === "string" ? quoted(value) : String(value);
}

/** One CRLF-terminated line (RFC 4180). */
export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
