// A model's answer rendered as Markdown (GFM tables, code blocks). Model output is untrusted:
// raw HTML is shown as the text it is, never parsed, and rehype-sanitize guards the rest.
import type { ComponentProps } from "react";
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { ScrollBox } from "./scroll-box";

type MdNode = { type: string; value?: string; children?: MdNode[] };

// "<script>alert(1)</script>" in an answer is part of what the model wrote: show it, do not run or drop it.
function remarkHtmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

// Remote images would load third-party content (and could track raters): show them as a link instead.
function ImageAsLink({ src, alt }: ComponentProps<"img">) {
  const href = typeof src === "string" ? src : undefined;
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
      [image{alt ? `: ${alt}` : ""}]
    </a>
  );
}

function ExternalLink({ href, children }: ComponentProps<"a">) {
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
      {children}
    </a>
  );
}

// Long lines stay intact (code is not rewrapped): the block scrolls sideways, from the keyboard too.
function CodeBlock({ children }: ComponentProps<"pre">) {
  return (
    <ScrollBox label="Code" dark className="rounded-md bg-slate-900">
      <pre className="w-max min-w-full p-3 text-sm text-slate-100">{children}</pre>
    </ScrollBox>
  );
}

function Table({ children }: ComponentProps<"table">) {
  return (
    <ScrollBox label="Table">
      <table>{children}</table>
    </ScrollBox>
  );
}

const markdownStyles = [
  "text-[0.95rem] leading-relaxed break-words [&>:first-child]:mt-0",
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_h1]:mt-3 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-3 [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold",
  "[&_code]:font-mono [&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_td]:border [&_td]:border-slate-200 [&_td]:px-2",
  "[&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2",
].join(" ");

export type MarkdownAnswerProps = { text: string };

export function MarkdownAnswer({ text }: MarkdownAnswerProps) {
  return (
    <div className={markdownStyles}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        components={{ img: ImageAsLink, a: ExternalLink, pre: CodeBlock, table: Table }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
