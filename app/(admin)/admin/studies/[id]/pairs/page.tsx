import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GoldButtons, GoldRateForm } from "@/components/admin/gold-controls";
import { LeakWarning } from "@/components/admin/leak-warning";
import { AppShell } from "@/components/layout/app-shell";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listPairsForReview } from "@/lib/data/gold-pairs";
import { studyLeakCounts } from "@/lib/data/leak-review";
import { getStudyForAdmin } from "@/lib/data/study-detail";

export const metadata: Metadata = { title: "Pairs and gold answers" };

type PairsPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> };

function LeakTag({ phrase }: { phrase: string | null }) {
  if (!phrase) return null;
  return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-normal text-amber-900">may reveal its author: “{phrase}”</span>;
}

export default async function PairsPage({ params, searchParams }: PairsPageProps) {
  const user = await requireRole(Role.ADMIN);
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const [study, list, leaks] = await Promise.all([getStudyForAdmin(id), listPairsForReview(id, page), studyLeakCounts(id)]);
  if (!study) notFound();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <AppShell user={user} title={`Pairs of “${study.name}”`}>
      <LeakWarning outputs={leaks.outputs} pairs={leaks.pairs} status={study.status} reviewHref={`/admin/studies/${id}#flagged-answers`} />
      <Card className="mb-6">
        <p className="mb-3 text-sm text-slate-600">
          Gold pairs have a known better answer (the other is plainly wrong). They are mixed in unannounced and measure each rater&apos;s accuracy on the results page.
        </p>
        <GoldRateForm studyId={id} goldRate={study.goldRate} />
      </Card>
      <ol className="space-y-4">
        {list.pairs.map((p) => (
          <li key={p.id}>
            <Card>
              <p className="font-medium whitespace-pre-wrap">{p.instruction}</p>
              {p.input && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600">{p.input}</p>}
              <div className="my-3 grid gap-3 md:grid-cols-2">
                <div className="rounded bg-slate-50 p-3 text-sm"><p className="mb-1 text-xs font-semibold text-slate-500">A · {p.modelA}<LeakTag phrase={p.leakA} /></p><p className="line-clamp-6 whitespace-pre-wrap">{p.outputA}</p></div>
                <div className="rounded bg-slate-50 p-3 text-sm"><p className="mb-1 text-xs font-semibold text-slate-500">B · {p.modelB}<LeakTag phrase={p.leakB} /></p><p className="line-clamp-6 whitespace-pre-wrap">{p.outputB}</p></div>
              </div>
              <GoldButtons studyId={id} pairId={p.id} gold={p.gold} />
            </Card>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="mt-6 flex items-center gap-4 text-sm">
        {page > 0 && <Link className="text-brand-700 underline" href={`?page=${page - 1}`}>Previous</Link>}
        <span>Page {page + 1} of {pages}</span>
        {page + 1 < pages && <Link className="text-brand-700 underline" href={`?page=${page + 1}`}>Next</Link>}
      </nav>
    </AppShell>
  );
}
