import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GoldButtons, GoldRateForm } from "@/components/admin/gold-controls";
import { LeakWarning } from "@/components/admin/leak-warning";
import { PairExclusion } from "@/components/admin/pair-exclusion";
import { PairFilterNav } from "@/components/admin/pair-filter-nav";
import { AppShell } from "@/components/layout/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { studyLeakCounts } from "@/lib/data/leak-review";
import { listPairsForReview, PAIR_FILTERS, type PairFilter, type PairForReview } from "@/lib/data/pair-review";
import { getStudyForAdmin } from "@/lib/data/study-detail";

export const metadata: Metadata = { title: "Pairs: gold answers and exclusions" };

type PairsPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string; show?: string; q?: string }> };

function LeakTag({ phrase }: { phrase: string | null }) {
  if (!phrase) return null;
  return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-normal text-amber-900">may reveal its author: “{phrase}”</span>;
}

function RaterFlags({ pair }: { pair: PairForReview }) {
  if (pair.flagCount === 0) return null;
  return (
    <div className="mb-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">Flagged by {pair.flagCount === 1 ? "1 rater" : `${pair.flagCount} raters`}{pair.flagCount > pair.flags.length ? ` (the newest ${pair.flags.length})` : ""}:</p>
      <ul className="mt-1 space-y-0.5">
        {pair.flags.map((f, i) => <li key={i} className="[overflow-wrap:anywhere]">{f.reason || "(no reason)"} — {f.rater}</li>)}
      </ul>
    </div>
  );
}

export default async function PairsPage({ params, searchParams }: PairsPageProps) {
  const user = await requireRole(Role.ADMIN);
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const show: PairFilter = PAIR_FILTERS.find((f) => f === query.show) ?? "all";
  const search = (query.q ?? "").trim().slice(0, 200);
  const [study, list, leaks] = await Promise.all([getStudyForAdmin(id), listPairsForReview(id, page, show, search), studyLeakCounts(id)]);
  if (!study) notFound();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (p: number) => `?${new URLSearchParams({ ...(show === "all" ? {} : { show }), ...(search ? { q: search } : {}), page: String(p) })}`;
  return (
    <AppShell user={user} title={`Pairs of “${study.name}”`}>
      <LeakWarning outputs={leaks.outputs} pairs={leaks.pairs} status={study.status} reviewHref={`/admin/studies/${id}#flagged-answers`}
        pairsHref={show === "leaks" ? undefined : "?show=leaks"} />
      <Card className="mb-6">
        <p className="mb-3 text-sm text-slate-600">
          Gold pairs have a known better answer (the other is plainly wrong). They are mixed in unannounced and measure each rater&apos;s accuracy on the results page.
        </p>
        <GoldRateForm studyId={id} goldRate={study.goldRate} />
        <p className="mt-4 text-sm text-slate-600">
          An excluded pair is no longer served to raters and is left out of every figure; the results page still shows the headline with the excluded prompts.
          A vote cast on it is kept. Each exclusion is in the study&apos;s audit trail and can be undone.
        </p>
      </Card>
      <PairFilterNav counts={list.counts} current={show} search={search} />
      {list.pairs.length === 0 && <p className="text-sm text-slate-600">{search ? `No pair here whose instruction contains “${search}”.` : "No pair here."}</p>}
      <ol aria-label="Pairs" className="space-y-4">
        {list.pairs.map((p) => (
          <li key={p.id}>
            <Card className={p.excluded ? "border-l-4 border-l-amber-400" : ""}>
              {(p.excluded || p.gold || p.turn > 0) && (
                <p className="mb-2 flex flex-wrap gap-2">
                  {p.excluded && <Badge tone="amber">Excluded: not served, not counted</Badge>}
                  {p.gold && <Badge>Gold: {p.gold} is better</Badge>}
                  {p.turn > 0 && <Badge>Turn {p.turn}</Badge>}
                </p>
              )}
              <p className="font-medium whitespace-pre-wrap [overflow-wrap:anywhere]">{p.instruction}</p>
              {p.input && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600 [overflow-wrap:anywhere]">{p.input}</p>}
              <div className="my-3 grid gap-3 md:grid-cols-2">
                <div className="rounded bg-slate-50 p-3 text-sm"><p className="mb-1 text-xs font-semibold text-slate-600">A · {p.modelA}<LeakTag phrase={p.leakA} /></p><p className="line-clamp-6 whitespace-pre-wrap [overflow-wrap:anywhere]">{p.outputA}</p></div>
                <div className="rounded bg-slate-50 p-3 text-sm"><p className="mb-1 text-xs font-semibold text-slate-600">B · {p.modelB}<LeakTag phrase={p.leakB} /></p><p className="line-clamp-6 whitespace-pre-wrap [overflow-wrap:anywhere]">{p.outputB}</p></div>
              </div>
              <RaterFlags pair={p} />
              <div className="flex flex-wrap items-center gap-2">
                <GoldButtons studyId={id} pairId={p.id} gold={p.gold} />
                <PairExclusion studyId={id} pairId={p.id} excluded={p.excluded} instruction={p.instruction} />
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="mt-6 flex items-center gap-4 text-sm">
        {page > 0 && <Link className="text-brand-700 underline" href={pageHref(page - 1)}>Previous</Link>}
        <span>Page {page + 1} of {pages}</span>
        {page + 1 < pages && <Link className="text-brand-700 underline" href={pageHref(page + 1)}>Next</Link>}
      </nav>
    </AppShell>
  );
}
