// The pairs page's filter: all pairs, those raters flagged, those with an answer that may name its
// author, the excluded ones; each with its count, the one shown marked as the current page.
import Link from "next/link";
import type { PairFilter } from "@/lib/data/pair-review";

const LABELS: Record<PairFilter, string> = {
  all: "All pairs",
  flagged: "Flagged by raters",
  leaks: "May reveal the author",
  excluded: "Excluded",
};

export type PairFilterNavProps = { counts: Record<PairFilter, number>; current: PairFilter };

export function PairFilterNav({ counts, current }: PairFilterNavProps) {
  return (
    <nav aria-label="Which pairs" className="mb-4">
      <ul className="flex flex-wrap gap-2 text-sm">
        {(Object.keys(LABELS) as PairFilter[]).map((f) => (
          <li key={f}>
            <Link
              href={f === "all" ? "?" : `?show=${f}`}
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
  );
}
