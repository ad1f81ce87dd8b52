// Turns uploaded bytes into text, rejecting what cannot be a UTF-8 text upload: empty,
// too large, UTF-16, binary (NUL bytes) or invalid UTF-8. A UTF-8 BOM is accepted and dropped.

import type { IngestError } from "./ingest-error";
import { describeBytes, type Limits } from "./limits";
import { lineAtByte } from "./text-position";
import { findInvalidUtf8Offset } from "./utf8-offset";

export type DecodeResult = { ok: true; text: string } | { ok: false; error: IngestError };

export function decodeUpload(bytes: Uint8Array, limits: Pick<Limits, "maxBytes">): DecodeResult {
  const problem = checkBytes(bytes, limits.maxBytes);
  if (problem) return { ok: false, error: { message: problem } };
  let text: string;
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading UTF-8 BOM for us.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { message: describeInvalidUtf8(bytes) } };
  }
  if (!/\S/.test(text)) return { ok: false, error: { message: "the file is empty (only whitespace)" } };
  return { ok: true, text };
}

function checkBytes(bytes: Uint8Array, maxBytes: number): string | null {
  if (bytes.length === 0) return "the file is empty";
  if (bytes.length > maxBytes) {
    return `the file is too large: ${describeBytes(bytes.length)}; the limit is ${describeBytes(maxBytes)}`;
  }
  // Checked before NULs because UTF-16 text is full of them and the NUL message would mislead.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return "the file is UTF-16 encoded; save it as UTF-8 and upload again";
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return (
      `the file contains a NUL byte at byte offset ${nul} (line ${lineAtByte(bytes, nul)}); ` +
      "it looks binary (a spreadsheet or UTF-16 file?) — export it as UTF-8 CSV, JSON or JSONL"
    );
  }
  return null;
}

function describeInvalidUtf8(bytes: Uint8Array): string {
  const offset = findInvalidUtf8Offset(bytes);
  // The decoder and our scanner should agree; if not, still give the admin the essential fact.
  if (offset === null) return "the file is not valid UTF-8";
  return (
    `the file is not valid UTF-8 (byte offset ${offset}, line ${lineAtByte(bytes, offset)}); ` +
    "it may use another encoding such as Windows-1252 — save it as UTF-8"
  );
}
