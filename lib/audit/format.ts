// Times in the audit trail and on frozen results: UTC, to the minute, the same on server and browser.

/** "2026-12-01 19:36 UTC". */
export function utcMinute(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
