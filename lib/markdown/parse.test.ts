import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./parse";

describe("parseMarkdown", () => {
  it("keeps raw HTML as the literal text, inline and as a block", () => {
    expect(parseMarkdown("a <script>alert(1)</script> b\n\n<div onclick=x>\nhi\n</div>")).toEqual([
      { t: "p", c: ["a <script>alert(1)</script> b"] },
      { t: "text", v: "<div onclick=x>\nhi\n</div>" },
    ]);
  });

  it("links only http, https and mailto targets; other links are their text", () => {
    expect(parseMarkdown("[a](javascript:alert(1)) [b](/relative) [c](data:text/html,x) [d](HTTPS://x.org)")).toEqual([
      { t: "p", c: ["a b c ", { t: "a", href: "HTTPS://x.org", c: ["d"] }] },
    ]);
  });

  it("turns images into links to them, without a target unless it is http(s)", () => {
    expect(parseMarkdown("![cat](https://x.org/c.png) ![](javascript:alert(1))")).toEqual([
      { t: "p", c: [{ t: "img", href: "https://x.org/c.png", alt: "cat" }, " ", { t: "img", href: null, alt: "" }] },
    ]);
  });

  it("makes an image inside a link its text, so no link nests in another", () => {
    expect(parseMarkdown("[![badge](https://x.org/b.svg)](https://x.org)")).toEqual([
      { t: "p", c: [{ t: "a", href: "https://x.org", c: ["[image: badge]"] }] },
    ]);
  });

  it("reads GFM tables with their alignment", () => {
    expect(parseMarkdown("| a | *b* |\n|:--|--:|\n| 1 | `2` |\n| 3 |")).toEqual([
      { t: "table", align: ["left", "right"], head: [["a"], [{ t: "em", c: ["b"] }]], rows: [[["1"], [{ t: "code", v: "2" }]], [["3"], []]] },
    ]);
  });

  it("keeps fenced code as written, long lines and entities included", () => {
    const line = "x".repeat(500);
    expect(parseMarkdown(`\`\`\`python extra\n${line}\n&amp; <b>\n\`\`\``)).toEqual([{ t: "pre", lang: "python", v: `${line}\n&amp; <b>` }]);
  });

  it("nests lists, tight items without paragraphs, loose ones with", () => {
    expect(parseMarkdown("3. a\n   - b\n4. c")).toEqual([
      { t: "list", ordered: true, start: 3, items: [
        [{ t: "span", c: ["a"] }, { t: "list", ordered: false, start: null, items: [[{ t: "span", c: ["b"] }]] }],
        [{ t: "span", c: ["c"] }],
      ] },
    ]);
    expect(parseMarkdown("- a\n\n- b")).toEqual([{ t: "list", ordered: false, start: null, items: [[{ t: "p", c: ["a"] }], [{ t: "p", c: ["b"] }]] }]);
  });

  it("reads headings, emphasis, strong, strikethrough, inline code and line breaks", () => {
    expect(parseMarkdown("### T *e*\n\n**s** ~~d~~ `c <i>`  \nnext")).toEqual([
      { t: "h", level: 3, c: ["T ", { t: "em", c: ["e"] }] },
      { t: "p", c: [{ t: "strong", c: ["s"] }, " ", { t: "del", c: ["d"] }, " ", { t: "code", v: "c <i>" }, { t: "br" }, "next"] },
    ]);
  });

  it("decodes character references in text but not in code", () => {
    expect(parseMarkdown("a &amp; b &copy; &#38;lt; \\* &copy `&amp;`")).toEqual([
      { t: "p", c: ["a & b © &lt; * &copy ", { t: "code", v: "&amp;" }] },
    ]);
  });
});
