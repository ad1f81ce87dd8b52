"use client";
// "Prompts": every pair with its votes and majority, filterable and paginated through the API,
// each openable with the instruction, both outputs and the model names.
import { useState } from "react";
import type { PromptListPage } from "@/lib/results/types";
import { Button } from "@/components/ui/button";
import { PromptDetailPanel } from "./prompt-detail";
import { majorityText } from "./prompt-majority";
import { Section, stackBody, stackCell, stackHead, stackRow, stackTable, stackWide, th } from "./section";
import type { PromptQuery } from "./use-results";

export type PromptsSectionProps = {
  page: PromptListPage;
  query: PromptQuery;
  /** The page's model order (leader first): each row's counts read in it. */
  models: string[];
  onQuery: (query: PromptQuery) => void;
  detailUrl: (pairId: string) => string;
  /** The study samples model pairs: some pairs are held from raters, and the filter can show them. */
  sampling?: boolean;
};

const input = "max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
// A select is as wide as its longest option (a long model name): the label keeps it within the screen.
const field = "min-w-0 max-w-full";

type Row = PromptListPage["items"][number];

/** The row's models and counts in the page's model order: the pair's own A/B flipped when its A comes second. */
function ordered(row: Row, models: string[]) {
  const flip = models.indexOf(row.modelB) !== -1 && models.indexOf(row.modelB) < models.indexOf(row.modelA);
  return flip
    ? { first: row.modelB, second: row.modelA, firstWins: row.winsB, secondWins: row.winsA }
    : { first: row.modelA, second: row.modelB, firstWins: row.winsA, secondWins: row.winsB };
}

function PromptRow({ row, models, open, onOpen }: { row: Row; models: string[]; open: boolean; onOpen: () => void }) {
  const o = ordered(row, models);
  return (
    <tr className={`${stackRow.replace("max-sm:grid-cols-2", "max-sm:grid-cols-[1fr_auto]")} ${open ? "bg-brand-50" : ""}`}>
      <td className={`${stackWide} max-w-md font-medium max-sm:before:hidden sm:truncate sm:font-normal`} title={row.instruction}>
        <span className="max-sm:line-clamp-2">
          {row.gold && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">gold</span>}
          {row.turn > 0 && <span className="mr-1 rounded bg-slate-200 px-1 text-xs text-slate-800">turn {row.turn}</span>}
          {row.instruction}
        </span>
      </td>
      {/* Model names can be long and unbroken: they wrap anywhere rather than push the Majority column off the page. */}
      <td className={`${stackWide} text-slate-700 [overflow-wrap:anywhere] max-sm:before:hidden`}>
        <span className="tabular-nums">
          {o.first} {o.firstWins} · {o.second} {o.secondWins} · tie {row.ties} · both bad {row.bothBad}
        </span>
      </td>
      <td data-label="Majority" className={`${stackCell} max-sm:self-center sm:whitespace-nowrap`}>{majorityText(row)}</td>
      <td className={`${stackCell} text-right max-sm:justify-end max-sm:before:hidden`}>
        <Button variant="ghost" size="sm" onClick={onOpen} aria-label={`Open prompt${row.turn > 0 ? ` (turn ${row.turn})` : ""}: ${row.instruction.slice(0, 60)}`}>
          Open
        </Button>
      </td>
    </tr>
  );
}

function Filters({ query, models, onQuery, sampling }: Omit<PromptsSectionProps, "page" | "detailUrl">) {
  const set = (patch: Partial<PromptQuery>) => onQuery({ ...query, ...patch, page: 1 });
  return (
    <div className="mb-3 flex flex-wrap gap-3 text-sm">
      <label className={field}>
        <span className="mr-1">Majority</span>
        {/* By model name, in the page's order ("model A" of a pair is not the page's first model). */}
        <select
          className={input}
          value={query.winner ? `winner:${query.winner}` : query.outcome}
          onChange={(e) => {
            const v = e.target.value;
            set(v.startsWith("winner:") ? { winner: v.slice(7), outcome: "" } : { winner: "", outcome: v });
          }}
        >
          <option value="">any</option>
          {models.map((m) => (
            <option key={m} value={`winner:${m}`}>{m}</option>
          ))}
          <option value="tie">tie</option>
          <option value="none">no votes</option>
          {sampling && <option value="held">not put to raters</option>}
        </select>
      </label>
      <label className={field}>
        <span className="mr-1">Model</span>
        <select className={input} value={query.model} onChange={(e) => set({ model: e.target.value })}>
          <option value="">any</option>
          {models.map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </select>
      </label>
      <label className={field}>
        <span className="mr-1">Category or dataset</span>
        <input className={input} defaultValue={query.category} onBlur={(e) => set({ category: e.target.value.trim() })} />
      </label>
      <label className={field}>
        <span className="mr-1">Search instructions</span>
        <input type="search" className={input} defaultValue={query.q} onKeyDown={(e) => e.key === "Enter" && set({ q: e.currentTarget.value.trim() })} onBlur={(e) => set({ q: e.target.value.trim() })} />
      </label>
    </div>
  );
}

export function PromptsSection({ page, query, models, onQuery, detailUrl, sampling = false }: PromptsSectionProps) {
  const [open, setOpen] = useState<string | null>(null);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <Section id="prompts" title="Prompts" description="Vote counts and majority per prompt; open one to read both answers with the model names.">
      <Filters query={query} models={models} onQuery={onQuery} sampling={sampling} />
      <table className={stackTable}>
        <caption className="sr-only">Prompts with their votes</caption>
        <thead className={stackHead}>
          <tr>
            <th scope="col" className={th}>Instruction</th>
            <th scope="col" className={th}>Votes per model, ties, both bad</th>
            <th scope="col" className={th}>Majority</th>
            <th scope="col" className={th}><span className="sr-only">Open</span></th>
          </tr>
        </thead>
        <tbody className={stackBody}>
          {page.items.map((row) => (
            <PromptRow key={row.pairId} row={row} models={models} open={open === row.pairId} onOpen={() => setOpen(row.pairId)} />
          ))}
        </tbody>
      </table>
      {page.items.length === 0 && <p className="py-3 text-sm text-slate-600">No prompt matches.</p>}
      <nav aria-label="Prompt pages" className="mt-3 flex items-center gap-3 text-sm">
        <Button variant="secondary" disabled={query.page <= 1} onClick={() => onQuery({ ...query, page: query.page - 1 })}>Previous</Button>
        <span className="tabular-nums">Page {Math.min(query.page, pages)} of {pages} · {page.total} prompts</span>
        <Button variant="secondary" disabled={query.page >= pages} onClick={() => onQuery({ ...query, page: query.page + 1 })}>Next</Button>
      </nav>
      {open && <PromptDetailPanel url={detailUrl(open)} onClose={() => setOpen(null)} />}
    </Section>
  );
}
