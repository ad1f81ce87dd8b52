"use client";
// One prompt opened from the list: instruction, both outputs with their model names, every vote.
// The answers are rendered exactly as the raters saw them (the rating page's sanitized Markdown).
import { useEffect, useRef, useState } from "react";
import type { PromptDetail } from "@/lib/results/types";
import { MarkdownAnswer } from "@/components/rating/markdown-answer";
import { Button } from "@/components/ui/button";
import { stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";

const CHOICE_TEXT = { LEFT: "left", RIGHT: "right", TIE: "tie", BOTH_BAD: "both bad" } as const;

export function PromptDetailPanel({ url, onClose }: { url: string; onClose: () => void }) {
  const [detail, setDetail] = useState<{ url: string; pair: PromptDetail | null; error: string | null } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, cache: "no-store" })
      .then(async (r) => (r.ok ? setDetail({ url, pair: ((await r.json()) as { pair: PromptDetail }).pair, error: null }) : setDetail({ url, pair: null, error: `HTTP ${r.status}` })))
      .catch((e: Error) => e.name !== "AbortError" && setDetail({ url, pair: null, error: e.message }));
    return () => controller.abort();
  }, [url]);
  const current = detail?.url === url ? detail : null;
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.scrollIntoView({ behavior: "smooth", block: "start" }), [url]);
  return (
    <section ref={panel} aria-labelledby="prompt-detail-heading" className="mt-4 rounded-md border border-brand-100 bg-brand-50 p-4">
      <div className="mb-3 flex items-center justify-between">
        <h3 id="prompt-detail-heading" className="font-semibold">Prompt detail</h3>
        <Button variant="ghost" onClick={onClose}>Close</Button>
      </div>
      {!current && <p className="text-sm text-slate-600">Loading…</p>}
      {current?.error && <p role="alert" className="text-sm text-red-700">Could not load the prompt: {current.error}</p>}
      {current?.pair && <DetailBody pair={current.pair} />}
    </section>
  );
}

function DetailBody({ pair }: { pair: PromptDetail }) {
  return (
    <div className="space-y-4 text-sm">
      <div>
        <p className="text-xs font-medium uppercase text-slate-500">
          Instruction {pair.turn > 0 && `· judged turn ${pair.turn} (answers below: that turn's)`} {pair.category && `· ${pair.category}`} {pair.dataset && `· ${pair.dataset}`}
        </p>
        <p className="whitespace-pre-wrap break-words">{pair.instruction}</p>
        {pair.input && <p className="mt-2 whitespace-pre-wrap break-words rounded bg-white p-2 font-mono">{pair.input}</p>}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {[pair.outputA, pair.outputB].map((o, i) => (
          <article key={i} aria-label={`Output ${i === 0 ? "A" : "B"}: ${o.model}`} className="min-w-0 rounded border border-slate-200 bg-white p-3">
            <h4 className="mb-1 font-medium">
              {i === 0 ? "A" : "B"}: {o.model} {pair.goldModel === o.model && <span className="text-xs text-amber-700">(gold answer)</span>}
            </h4>
            <div className="max-h-96 overflow-y-auto text-slate-800">
              <MarkdownAnswer tree={o.markdown} />
            </div>
          </article>
        ))}
      </div>
      <table className={stackTable}>
        <caption className="mb-1 text-left font-medium">Votes</caption>
        <thead className={stackHead}>
          <tr>
            <th scope="col" className={th}>Rater</th>
            <th scope="col" className={th}>Left</th>
            <th scope="col" className={th}>Pressed</th>
            <th scope="col" className={th}>Winner</th>
            <th scope="col" className={`${th} text-right`}>Time</th>
            <th scope="col" className={th}>Rationale</th>
          </tr>
        </thead>
        <tbody className={stackBody}>
          {pair.votes.map((v) => (
            <tr key={v.rater} className={stackRow}>
              <td data-label="Rater" className={`${stackCell} font-mono text-xs`}>{v.rater}</td>
              <td data-label="Left" className={stackCell}>{v.leftModel}</td>
              <td data-label="Pressed" className={stackCell}>{CHOICE_TEXT[v.choice]}</td>
              <td data-label="Winner" className={stackCell}>{v.winner ?? "—"}</td>
              <td data-label="Time" className={`${stackCell} text-right tabular-nums`}>
                {v.seconds.toFixed(1)} s {v.tooFast && <span className="text-xs text-amber-700">fast</span>}
              </td>
              <td data-label="Rationale" className={`${stackWide} ${v.rationale ? "" : "max-sm:hidden"}`}>{v.rationale ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pair.judges.length > 0 && (
        <p className="text-slate-700">
          Judges: {pair.judges.map((j) => `${j.run} → ${j.winner ?? "draw"}`).join("; ")}
        </p>
      )}
    </div>
  );
}
