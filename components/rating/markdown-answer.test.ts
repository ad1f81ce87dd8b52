import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "@/lib/markdown/parse";
import { MarkdownAnswer } from "./markdown-answer";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownAnswer, { tree: parseMarkdown(text) }));

describe("MarkdownAnswer", () => {
  it("renders Markdown with code blocks and tables", () => {
    const html = render("**bold**\n\n```python\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toMatch(/<pre[^>]*><code class="language-python">print\(1\)\n<\/code><\/pre>/);
    expect(html).toContain("<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
  });

  it("puts code blocks and tables in labelled boxes the keyboard can scroll", () => {
    const html = render("```\nlong line\n```\n\n| a |\n|---|\n| 1 |");
    expect(html).toMatch(/<div role="group" aria-label="Code" tabindex="0"[^>]*><pre/);
    expect(html).toMatch(/<div role="group" aria-label="Table" tabindex="0"[^>]*><table>/);
  });

  it("keeps a long code line whole, in a box as wide as the line", () => {
    const line = `const x = "${"y".repeat(300)}";`;
    const html = render(`\`\`\`js\n${line}\n\`\`\``);
    expect(html).toContain(`<pre class="w-max min-w-full p-3 text-sm text-slate-100"><code class="language-js">${line.replaceAll('"', "&quot;")}\n</code></pre>`);
  });

  it("shows raw HTML as text, so nothing in it can run", () => {
    const html = render('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html).toContain("&lt;img src=x onerror=");
  });

  it("makes no link of a javascript: target and does not load remote images", () => {
    const html = render("[click](javascript:alert(1)) ![pixel](https://tracker.example/p.png)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).toContain("<p>click <a href=\"https://tracker.example/p.png\"");
    expect(html).toContain(">[image: pixel]</a>");
  });

  it("opens links in a new tab without passing the rating page on", () => {
    const html = render("[docs](https://example.com/a?b=1&amp;c=2) and <mailto:x@example.com>");
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank" class="text-brand-700 underline">docs</a>');
    expect(html).toContain('href="mailto:x@example.com"');
  });

  it("renders nested lists, task items, headings and inline spans", () => {
    const html = render("# Title\n\n## Sub\n\n1. one\n   - inner *em*\n2. `two`\n\n- [x] done\n\n> ~~old~~ **new**");
    expect(html).toContain("<h1>Title</h1><h2>Sub</h2>");
    expect(html).toContain("<ol><li>one<ul><li>inner <em>em</em></li></ul></li><li><code>two</code></li></ol>");
    expect(html).toContain('<ul><li><input type="checkbox" disabled="" readOnly="" checked=""/> done</li></ul>');
    expect(html).toContain("<blockquote><p><del>old</del> <strong>new</strong></p></blockquote>");
  });
});
