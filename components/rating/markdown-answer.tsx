// A model's answer (or a study's guidelines, consent text) as Markdown, from the tree the server parsed
// (lib/markdown/parse.ts). The tree is already safe: raw HTML arrives as text, links only to
// http/https/mailto, images as links that are never loaded; this only lays it out.
import type { ReactNode } from "react";
import type { MarkdownTree, MdBlock, MdInline } from "@/lib/markdown/tree";
import { ScrollBox } from "./scroll-box";

const linkProps = { rel: "noopener noreferrer nofollow", target: "_blank", className: "text-brand-700 underline" } as const;

function Inlines({ nodes }: { nodes: MdInline[] }): ReactNode {
  return nodes.map((node, i) => <Inline key={i} node={node} />);
}

function Inline({ node }: { node: MdInline }): ReactNode {
  if (typeof node === "string") return node;
  switch (node.t) {
    case "em": return <em><Inlines nodes={node.c} /></em>;
    case "strong": return <strong><Inlines nodes={node.c} /></strong>;
    case "del": return <del><Inlines nodes={node.c} /></del>;
    case "code": return <code>{node.v}</code>;
    case "br": return <br />;
    case "check": return <input type="checkbox" checked={node.on} disabled readOnly />;
    case "a": return <a href={node.href} {...linkProps}><Inlines nodes={node.c} /></a>;
    // Remote images would load third-party content (and could track raters): a link instead.
    case "img": return <a href={node.href ?? undefined} {...linkProps}>[image{node.alt ? `: ${node.alt}` : ""}]</a>;
  }
}

function Blocks({ blocks }: { blocks: MdBlock[] }): ReactNode {
  return blocks.map((block, i) => <Block key={i} block={block} />);
}

function Block({ block }: { block: MdBlock }): ReactNode {
  switch (block.t) {
    case "p": return <p><Inlines nodes={block.c} /></p>;
    case "span": return <Inlines nodes={block.c} />;
    case "text": return block.v;
    case "h": {
      const Heading = `h${block.level}` as const;
      return <Heading><Inlines nodes={block.c} /></Heading>;
    }
    case "quote": return <blockquote><Blocks blocks={block.c} /></blockquote>;
    case "hr": return <hr />;
    case "pre": return <CodeBlock lang={block.lang} code={block.v} />;
    case "table": return <Table table={block} />;
    case "list": {
      const items = block.items.map((item, i) => <li key={i}><Blocks blocks={item} /></li>);
      return block.ordered ? <ol start={block.start ?? undefined}>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

// Long lines stay intact (code is not rewrapped): the block scrolls sideways, from the keyboard too.
function CodeBlock({ lang, code }: { lang: string | null; code: string }) {
  return (
    <ScrollBox label="Code" dark className="rounded-md bg-slate-900">
      <pre className="w-max min-w-full p-3 text-sm text-slate-100">
        <code className={lang ? `language-${lang}` : undefined}>{`${code}\n`}</code>
      </pre>
    </ScrollBox>
  );
}

function Table({ table }: { table: Extract<MdBlock, { t: "table" }> }) {
  const style = (i: number) => (table.align[i] ? { textAlign: table.align[i] } : undefined);
  return (
    <ScrollBox label="Table">
      <table>
        <thead>
          <tr>{table.head.map((cell, i) => <th key={i} style={style(i)}><Inlines nodes={cell} /></th>)}</tr>
        </thead>
        {table.rows.length > 0 && (
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>{row.map((cell, i) => <td key={i} style={style(i)}><Inlines nodes={cell} /></td>)}</tr>
            ))}
          </tbody>
        )}
      </table>
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

export type MarkdownAnswerProps = { tree: MarkdownTree };

export function MarkdownAnswer({ tree }: MarkdownAnswerProps) {
  return (
    <div className={markdownStyles}>
      <Blocks blocks={tree} />
    </div>
  );
}
