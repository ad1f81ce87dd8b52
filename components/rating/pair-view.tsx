// The instruction on top and the two answers side by side (stacked on narrow screens), as "A" and "B".
import type { ServedPair } from "@/lib/data/assignments";
import { MarkdownAnswer } from "./markdown-answer";

export type PairViewProps = { pair: ServedPair; headingRef?: React.Ref<HTMLHeadingElement> };

export function PairView({ pair, headingRef }: PairViewProps) {
  return (
    <div className="space-y-4">
      <section aria-labelledby="instruction-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="instruction-heading" ref={headingRef} tabIndex={-1} className="text-sm outline-none font-semibold uppercase tracking-wide text-slate-500">
          Instruction
        </h2>
        <p className="mt-2 whitespace-pre-wrap break-words text-base">{pair.prompt.instruction}</p>
        {pair.prompt.input && (
          <>
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">Input</h3>
            <p className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm">{pair.prompt.input}</p>
          </>
        )}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <Answer label="A" text={pair.left.text} />
        <Answer label="B" text={pair.right.text} />
      </div>
    </div>
  );
}

function Answer({ label, text }: { label: "A" | "B"; text: string }) {
  return (
    <section aria-label={`Answer ${label}`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-500" aria-hidden="true">
        <span className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-brand-100 text-brand-700">{label}</span>
        Answer {label}
      </h3>
      <MarkdownAnswer text={text} />
    </section>
  );
}
