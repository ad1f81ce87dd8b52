// Turns a character offset into a 1-based line and column, for error messages that
// point into files too large to scroll through by hand.

export type TextPosition = { line: number; column: number };

/** Line and column of `offset` in `text` (both 1-based; \r\n counts as one line break). */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf("\n", 0);
  while (next !== -1 && next < end) {
    line += 1;
    lineStart = next + 1;
    next = text.indexOf("\n", lineStart);
  }
  return { line, column: end - lineStart + 1 };
}

/** Line number of a byte offset, counting LF bytes (valid in any ASCII-compatible encoding). */
export function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  let next = bytes.indexOf(0x0a);
  while (next !== -1 && next < offset) {
    line += 1;
    next = bytes.indexOf(0x0a, next + 1);
  }
  return line;
}
