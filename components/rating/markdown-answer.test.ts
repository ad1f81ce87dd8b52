import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownAnswer } from "./markdown-answer";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownAnswer, { text }));

describe("MarkdownAnswer", () => {
  it("renders Markdown with code blocks and tables", () => {
    const html = render("**bold**\n\n```python\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toMatch(/<pre[^>]*><code[^>]*>print\(1\)/);
    expect(html).toContain("<table>");
  });

  it("puts code blocks and tables in labelled boxes the keyboard can scroll", () => {
    const html = render("```\nlong line\n```\n\n| a |\n|---|\n| 1 |");
    expect(html).toMatch(/<div role="group" aria-label="Code" tabindex="0"[^>]*><pre/);
    expect(html).toMatch(/<div role="group" aria-label="Table" tabindex="0"[^>]*><table>/);
  });

  it("shows raw HTML as text, so nothing in it can run", () => {
    const html = render('Hi <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=");
  });

  it("drops javascript: links and does not load remote images", () => {
    const html = render("[click](javascript:alert(1)) ![pixel](https://tracker.example/p.png)");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: pixel]");
  });
});
