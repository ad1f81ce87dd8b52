import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/layout/app-shell";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listStudiesForRater } from "@/lib/data/studies";

export const metadata: Metadata = { title: "Your studies" };

export default async function RaterHome() {
  const user = await requireRole(Role.RATER);
  const studies = await listStudiesForRater(user.id);
  return (
    <AppShell user={user} title="Your studies">
      {studies.length === 0 && <p className="text-slate-600">You have no open studies. Use the invitation link you were given.</p>}
      <ul className="grid gap-4 sm:grid-cols-2">
        {studies.map((s) => (
          <li key={s.id}>
            <Card>
              <h2 className="text-lg font-medium">{s.name}</h2>
              {s.description && <p className="mt-1 text-sm text-slate-600">{s.description}</p>}
              <p className="mt-3 text-sm text-slate-500">
                {s.judged === 0 ? "You have not judged any pairs yet." : `You have judged ${s.judged} ${s.judged === 1 ? "pair" : "pairs"}.`}
              </p>
              <Link href={`/studies/${s.id}/rate`} className="mt-4 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                {s.judged === 0 ? "Start rating" : `Continue (${s.judged} judged)`}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </AppShell>
  );
}
