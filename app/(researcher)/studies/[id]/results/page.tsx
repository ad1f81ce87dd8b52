import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { FreezePanel } from "@/components/results/freeze-panel";
import { ResultsDashboard } from "@/components/results/results-dashboard";
import { requireRole, Role } from "@/lib/auth/guards";
import { listFrozenResults } from "@/lib/data/frozen-results";
import { exportCriteria, studyHasConversations } from "@/lib/data/results/export-votes";
import { getStudyResults } from "@/lib/results/study-results";
import { resultsQuerySchema } from "@/lib/validation/results";

export const metadata: Metadata = { title: "Results" };
export const dynamic = "force-dynamic";

type ResultsPageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StudyResultsPage({ params, searchParams }: ResultsPageProps) {
  const user = await requireRole(Role.RESEARCHER, Role.ADMIN);
  const { id } = await params;
  const raw = (await searchParams).exclude;
  const parsed = resultsQuerySchema.safeParse({ exclude: Array.isArray(raw) ? raw.join(",") : raw });
  const exclude = parsed.success ? parsed.data.exclude : [];
  const [results, frozen, criteria, conversations] = await Promise.all([
    getStudyResults(id, exclude), listFrozenResults(id), exportCriteria(id), studyHasConversations(id),
  ]);
  if (!results) notFound();
  return (
    <AppShell user={user} title={`Results: ${results.study.name}`}>
      <ResultsDashboard initial={results} initialExclude={results.excludedRaters.pseudonyms} exportCriteria={criteria} conversations={conversations} />
      <div className="mt-6">
        <FreezePanel studyId={id} frozen={frozen.map((f) => ({ id: f.id, label: f.label, createdAt: f.createdAt.toISOString(), voteCount: f.voteCount }))} />
      </div>
    </AppShell>
  );
}
