// The study's audit trail on its admin page: every change to what the results show, newest first.
import { describeAudit, type AuditEntry } from "@/lib/audit/types";
import { utcMinute } from "@/lib/audit/format";

export type AuditTrailProps = { entries: AuditEntry[]; limit: number };

export function AuditTrail({ entries, limit }: AuditTrailProps) {
  if (!entries.length) return <p className="text-sm text-slate-600">Nothing has changed the results yet.</p>;
  return (
    <>
      <ol aria-label="Audit trail" className="divide-y divide-slate-100 text-sm">
        {entries.map((e) => (
          <li key={e.id} className="py-2">
            <p className="flex flex-wrap gap-x-3 text-xs text-slate-600">
              <time dateTime={e.at}>{utcMinute(e.at)}</time>
              <span className="[overflow-wrap:anywhere]">{e.actor}</span>
            </p>
            <p className="[overflow-wrap:anywhere] text-slate-900">{describeAudit(e.action, e.details)}</p>
          </li>
        ))}
      </ol>
      {entries.length >= limit && <p className="mt-2 text-xs text-slate-600">The newest {limit} are shown; the archive holds all of them.</p>}
    </>
  );
}
