// Markdown parsed on the server into a small, already-safe tree (lib/markdown/parse.ts), so the
// browser only renders it (components/rating/markdown-answer.tsx). Client-safe: types only. The tree
// holds the text's structure and nothing else (no raw HTML, only http/https/mailto link targets).

/** Plain text, or a span of inline Markdown. */
export type MdInline =
  | string
  | { t: "em" | "strong" | "del"; c: MdInline[] }
  | { t: "code"; v: string }
  | { t: "a"; href: string; c: MdInline[] }
  /** An image, shown as a link to it and never loaded; href null when its address is not http(s). */
  | { t: "img"; href: string | null; alt: string }
  /** A GFM task item's box. */
  | { t: "check"; on: boolean }
  | { t: "br" };

export type MdAlign = "left" | "center" | "right" | null;

export type MdListItem = MdBlock[];

export type MdBlock =
  | { t: "p"; c: MdInline[] }
  /** A tight list item's text: inline content without a paragraph around it. */
  | { t: "span"; c: MdInline[] }
  | { t: "h"; level: 1 | 2 | 3 | 4 | 5 | 6; c: MdInline[] }
  | { t: "pre"; lang: string | null; v: string }
  | { t: "quote"; c: MdBlock[] }
  | { t: "list"; ordered: boolean; start: number | null; items: MdListItem[] }
  | { t: "table"; align: MdAlign[]; head: MdInline[][]; rows: MdInline[][][] }
  | { t: "hr" }
  /** A block of raw HTML, shown as the literal text the author wrote. */
  | { t: "text"; v: string };

export type MarkdownTree = MdBlock[];
