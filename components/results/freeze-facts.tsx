// The head of a frozen result's page: the "Frozen on …" badge, what the figures were computed from,
// the export, and notes when the study has changed since.
import { Badge } from "@/components/ui/badge";
import { utcMinute } from "@/lib/audit/format";
import { listed } from "@/lib/text/listed";

export type FrozenFactsProps = {
  frozen: {
    id: string; studyId: string; label: string | null; createdAt: string; createdBy: string; appVersion: string; voteCount: number;
    votesSha256: string; excludedRaters: string[]; currentDiffers: boolean; differsIn: string[]; votesRemovedSince: string | null;
  };
};

export function FrozenFacts({ frozen: f }: FrozenFactsProps) {
  const exportUrl = `/api/studies/${encodeURIComponent(f.studyId)}/frozen/${encodeURIComponent(f.id)}/export`;
  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone="sky">Frozen on {utcMinute(f.createdAt)}</Badge>
        {f.label && <span className="font-medium">{f.label}</span>}
      </div>
      {f.votesRemovedSince && (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          These figures were computed before a withdrawal: votes were removed from the study on {utcMinute(f.votesRemovedSince)}, after the freeze.
        </p>
      )}
      {f.currentDiffers ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The current figures differ from these frozen ones{f.differsIn.length > 0 && <>, in {listed(f.differsIn)}</>}.
        </p>
      ) : <p className="text-sm text-slate-600">The current figures are the same as these.</p>}
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div><dt className="text-slate-500">Frozen by</dt><dd className="[overflow-wrap:anywhere]">{f.createdBy}</dd></div>
        <div><dt className="text-slate-500">App version</dt><dd>{f.appVersion}</dd></div>
        <div><dt className="text-slate-500">Votes</dt><dd>{f.voteCount}</dd></div>
        <div><dt className="text-slate-500">Raters left out</dt><dd>{f.excludedRaters.length ? f.excludedRaters.join(", ") : "none"}</dd></div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">sha256 of the votes (canonical JSON Lines, the export below)</dt>
          <dd className="font-mono text-xs [overflow-wrap:anywhere]">{f.votesSha256}</dd>
        </div>
      </dl>
      <a href={exportUrl} download className="inline-block text-sm font-medium text-brand-700 underline">Download the frozen votes (JSON Lines)</a>
    </div>
  );
}
