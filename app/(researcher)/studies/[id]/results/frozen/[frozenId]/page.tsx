import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { FrozenFigures } from "@/components/results/freeze-figures";
import { FrozenFacts } from "@/components/results/freeze-facts";
import { requireRole, Role } from "@/lib/auth/guards";
import { getFrozenResult } from "@/lib/data/frozen-results";

export const metadata: Metadata = { title: "Frozen results" };
export const dynamic = "force-dynamic";

type FrozenPageProps = { params: Promise<{ id: string; frozenId: string }> };

// A frozen result's stable page: the figures as they were, what they were computed from, and whether
// the study has changed since (current figures differ; votes withdrawn after the freeze).
export default async function FrozenResultPage({ params }: FrozenPageProps) {
  const user = await requireRole(Role.RESEARCHER, Role.ADMIN);
  const { id, frozenId } = await params;
  const frozen = await getFrozenResult(id, frozenId);
  if (!frozen) notFound();
  return (
    <AppShell user={user} title={`Frozen results: ${frozen.figures.study.name}`}>
      <FrozenFacts
        frozen={{
          id: frozen.id, studyId: frozen.studyId, label: frozen.label, createdAt: frozen.createdAt.toISOString(), createdBy: frozen.createdByLabel,
          appVersion: frozen.appVersion, voteCount: frozen.voteCount, votesSha256: frozen.votesSha256, excludedRaters: frozen.excludedRaters,
          currentDiffers: frozen.currentDiffers, differsIn: frozen.differsIn, votesRemovedSince: frozen.votesRemovedSince?.toISOString() ?? null,
        }}
      />
      <FrozenFigures figures={frozen.figures} />
      <p className="mt-6 text-sm"><Link href={`/studies/${id}/results`} className="text-brand-700 underline">Current results</Link></p>
    </AppShell>
  );
}
