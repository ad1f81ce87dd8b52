import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { StudyStatusBadge } from "./study-status-badge";
import type { StaffStudyRow } from "@/lib/data/studies";

export type StudyTableProps = {
  studies: StaffStudyRow[];
  linkTo: "admin" | "results";
};


const href = (s: StaffStudyRow, linkTo: StudyTableProps["linkTo"]) =>
  linkTo === "admin" ? `/admin/studies/${s.id}` : `/studies/${s.id}/results`;

export function StudyTable({ studies, linkTo }: StudyTableProps) {
  if (!studies.length) return <p className="text-slate-600">No studies yet.</p>;
  return (
    <>
      <StudyCards studies={studies} linkTo={linkTo} />
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Study
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Models
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Pairs
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Votes
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Raters
              </th>
            </tr>
          </thead>
          <tbody>
            {studies.map((s) => (
              <tr
                key={s.id}
                className="border-b border-slate-100 last:border-0"
              >
                <td className="px-4 py-2">
                  <Link
                    href={href(s, linkTo)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {s.name}
                  </Link>{" "}
                  {s.isDemo && <Badge className="ml-1">demo data</Badge>}
                </td>
                <td className="px-4 py-2 text-slate-600">
                  {s.models.join(" vs ")}
                </td>
                <td className="px-4 py-2">
                  <StudyStatusBadge status={s.status} />
                </td>
                <td className="px-4 py-2 text-right tabular-nums">{s.pairs}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                  {s.votes} / {s.pairs * s.votesPerPair}
                </td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                  {s.raters}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// Below 640 px: one card per study, the figures under its name.
function StudyCards({ studies, linkTo }: StudyTableProps) {
  return (
    <ul
      aria-label="Studies"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white sm:hidden"
    >
      {studies.map((s) => (
        <li key={s.id} className="space-y-1 p-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Link
              href={href(s, linkTo)}
              className="font-medium text-brand-700 hover:underline"
            >
              {s.name}
            </Link>
            <StudyStatusBadge status={s.status} />
            {s.isDemo && <Badge>demo data</Badge>}
          </p>
          <p className="text-slate-600">{s.models.join(" vs ")}</p>
          <p className="text-slate-600 tabular-nums">
            {s.pairs} pairs · {s.votes} / {s.pairs * s.votesPerPair} votes ·{" "}
            {s.raters} raters
          </p>
        </li>
      ))}
    </ul>
  );
}
