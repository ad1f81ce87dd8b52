// CSV cells that are safe to open in a spreadsheet: RFC 4180 quoting, plus OWASP's defence against
// CSV injection (a cell starting with = + - @ tab or CR is prefixed with ' so it is never a formula).

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell. Free text (rationales, instructions, model names) may start with "=cmd|..." on purpose. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CRLF-terminated line (RFC 4180). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
