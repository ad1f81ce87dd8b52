// Markdown (GFM: tables, fenced code, strikethrough, task lists, autolinks) into the tree the browser
// renders (lib/markdown/tree.ts). Runs on the server for every served pair, so it uses marked's fast
// lexer. Model output is untrusted: raw HTML stays the literal text it is, links keep only
// http/https/mailto targets, and images become links that are never loaded.
import "server-only";
import { decodeHTMLStrict } from "entities/decode";
import { Lexer, type Token, type Tokens } from "marked";
import type { MarkdownTree, MdAlign, MdBlock, MdInline, MdListItem } from "./tree";

type HeadingLevel = Extract<MdBlock, { t: "h" }>["level"];

const LINK_TARGET = /^(?:https?:|mailto:)/i;
const IMAGE_TARGET = /^https?:/i;
// Spaces around a soft line break are not part of the text (CommonMark).
const LINE_EDGE_SPACES = /[ \t]*\n[ \t]*/g;

// marked leaves named character references (&amp;, &copy;) in text and link targets for its HTML
// output; the tree holds the characters themselves. Code keeps what was written.
const decode = (s: string) => (s.includes("&") ? decodeHTMLStrict(s) : s);

export function parseMarkdown(text: string): MarkdownTree {
  return blocks(new Lexer({ gfm: true }).lex(text));
}

function blocks(tokens: Token[]): MdBlock[] {
  const out: MdBlock[] = [];
  for (const token of tokens) {
    const block = blockOf(token as Tokens.Generic);
    if (block) out.push(block);
  }
  return out;
}

function blockOf(token: Tokens.Generic): MdBlock | null {
  switch (token.type) {
    case "paragraph":
      return { t: "p", c: blockInlines(token.tokens ?? []) };
    case "text":
      // Inside a tight list item: its text without a paragraph.
      return { t: "span", c: token.tokens ? blockInlines(token.tokens) : [decode(token.text as string)] };
    case "heading":
      return { t: "h", level: Math.min(6, Math.max(1, token.depth as number)) as HeadingLevel, c: blockInlines(token.tokens ?? []) };
    case "code":
      return { t: "pre", lang: (token.lang as string | undefined)?.split(/\s/)[0] || null, v: (token.text as string).replace(/\n+$/, "") };
    case "blockquote":
      return { t: "quote", c: blocks(token.tokens ?? []) };
    case "list":
      return listOf(token as Tokens.List);
    case "table":
      return tableOf(token as Tokens.Table);
    case "hr":
      return { t: "hr" };
    case "html":
      return { t: "text", v: (token.raw as string).replace(/\n+$/, "") };
    default:
      // space, def (link definitions are used, not shown), checkbox (carried by the list item)
      return null;
  }
}

function listOf(token: Tokens.List): MdBlock {
  const items: MdListItem[] = token.items.map((item) => {
    const content = blocks(item.tokens);
    if (!item.task) return content;
    const box: MdInline = { t: "check", on: item.checked === true };
    const first = content[0];
    if (first && (first.t === "p" || first.t === "span")) first.c.unshift(box, " ");
    else content.unshift({ t: "span", c: [box] });
    return content;
  });
  const start = token.ordered && token.start !== "" && token.start !== 1 ? Number(token.start) : null;
  return { t: "list", ordered: token.ordered, start, items };
}

function tableOf(token: Tokens.Table): MdBlock {
  return {
    t: "table",
    align: token.align.map((a): MdAlign => a ?? null),
    head: token.header.map((cell) => blockInlines(cell.tokens)),
    rows: token.rows.map((row) => row.map((cell) => blockInlines(cell.tokens))),
  };
}

function inlines(tokens: Token[]): MdInline[] {
  const out: MdInline[] = [];
  for (const token of tokens) {
    for (const node of inlineOf(token as Tokens.Generic)) {
      const last = out.at(-1);
      // Adjacent plain text (text, escapes, raw HTML shown as text) merges into one string.
      if (typeof node === "string" && typeof last === "string") out[out.length - 1] = last + node;
      else out.push(node);
    }
  }
  return out.map((node) => (typeof node === "string" ? node.replace(LINE_EDGE_SPACES, "\n") : node));
}

/** Inline content of a block: CommonMark drops the spaces that start and end it (marked keeps them). */
function blockInlines(tokens: Token[]): MdInline[] {
  const out = inlines(tokens);
  if (typeof out[0] === "string") out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === "string") out[last] = out[last].trimEnd();
  return out.filter((node) => node !== "");
}

function inlineOf(token: Tokens.Generic): MdInline[] {
  switch (token.type) {
    case "text":
      return token.tokens ? inlines(token.tokens) : [decode(token.text as string)];
    case "escape":
      return [decode(token.text as string)];
    case "html":
      // "<script>…" in an answer is part of what the model wrote: show it, never parse it.
      return [token.raw as string];
    case "em":
    case "strong":
    case "del":
      return [{ t: token.type, c: inlines(token.tokens ?? []) }];
    case "codespan":
      return [{ t: "code", v: token.text as string }];
    case "br":
      return [{ t: "br" }];
    case "link":
      return linkOf(token as Tokens.Link);
    case "image":
      return [imageOf(token as Tokens.Image)];
    case "checkbox":
      return [];
    default:
      return [token.raw];
  }
}

function linkOf(token: Tokens.Link): MdInline[] {
  // An image inside a link is its "[image: …]" text: a link inside a link is not valid HTML.
  const content = token.autolink ? token.tokens.map((t) => t.raw) : inlines(token.tokens).map(imageAsText);
  const href = token.autolink ? token.href : decode(token.href);
  // Any other target (javascript:, data:, relative) is no link: its text stays, as plain text.
  return LINK_TARGET.test(href.trim()) ? [{ t: "a", href: href.trim(), c: content }] : content;
}

function imageAsText(node: MdInline): MdInline {
  if (typeof node === "string" || node.t !== "img") return node;
  return `[image${node.alt ? `: ${node.alt}` : ""}]`;
}

function imageOf(token: Tokens.Image): MdInline {
  const href = decode(token.href).trim();
  return { t: "img", href: IMAGE_TARGET.test(href) ? href : null, alt: decode(token.text) };
}
