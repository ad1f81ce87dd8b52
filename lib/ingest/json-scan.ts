// One cheap pass over JSON text that tracks nesting outside strings. It bounds depth before
// JSON.parse runs and explains truncation, which the engine only calls "Unexpected end".

export type JsonScan = {
  /** Character offset where nesting first went past maxDepth, or null. */
  tooDeepAt: number | null;
  /** Brackets still open at the end of the text (> 0 means the text was cut off). */
  openAtEnd: number;
  /** True when the text ends inside a string literal. */
  endsInString: boolean;
  /** Commas directly inside the outermost array: the number of complete elements before the last. */
  topLevelCommas: number;
};

// Char codes, named because the loop below is hot (runs over every character of the upload).
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
const CLOSE_BRACKET = 93;
const CLOSE_BRACE = 125;

export function scanJson(text: string, maxDepth: number): JsonScan {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let topLevelCommas = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth += 1;
      if (depth > maxDepth) return { tooDeepAt: i, openAtEnd: depth, endsInString: false, topLevelCommas };
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth -= 1;
    } else if (c === COMMA && depth === 1) {
      topLevelCommas += 1;
    }
  }
  return { tooDeepAt: null, openAtEnd: Math.max(depth, 0), endsInString: inString, topLevelCommas };
}
