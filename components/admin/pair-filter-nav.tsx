// The pairs page's filter: all pairs, those raters flagged, those with an answer that may name its
// author, the excluded ones; each with its count, the one shown marked as the current page; and a
// search of the instructions (a plain GET form, so it works before any script has loaded).
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { PairFilter } from "@/lib/data/pair-review";

const LABELS: Record<PairFilter, string> = {
  all: "All pairs",
  flagged: "Flagged by raters",
  leaks: "May reveal the author",
  excluded: "Excluded",
};

export type PairFilterNavProps = { counts: Record<PairFilter, number>; current: PairFilter; search: string };

const hrefOf = (f: PairFilter, search: string) => `?${new URLSearchParams({ ...(f === "all" ? {} : { show: f }), ...(search ? { q: search } : {}) })}`;

export function PairFilterNav({ counts, current, search }: PairFilterNavProps) {
  return (
    <div className="mb-4 space-y-3">
      <form role="search" aria-label="Search pairs" className="flex flex-wrap items-end gap-2">
        {current !== "all" && <input type="hidden" name="show" value={current} />}
        <label className="text-sm">
          <span className="mb-1 block font-medium">Search instructions</span>
          <input type="search" name="q" defaultValue={search} maxLength={200}
            className="w-72 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <nav aria-label="Which pairs">
        <ul className="flex flex-wrap gap-2 text-sm">
          {(Object.keys(LABELS) as PairFilter[]).map((f) => (
            <li key={f}>
              <Link
                href={hrefOf(f, search)}
                aria-current={f === current ? "page" : undefined}
                className={`inline-flex min-h-10 items-center gap-1.5 rounded-full border px-3 ${
                  f === current ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
                }`}
              >
                {LABELS[f]} <span className="tabular-nums">({counts[f]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
