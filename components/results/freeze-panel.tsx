// "Freeze results" on the dashboard (staff only): a citable snapshot of the figures as they are,
// with the raters the dashboard leaves out, and links to the study's earlier frozen results.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { utcMinute } from "@/lib/audit/format";
import type { FreezeReply } from "@/lib/validation/frozen";
import { Section } from "./section";

export type FrozenLink = { id: string; label: string | null; createdAt: string; voteCount: number };

export type FreezePanelProps = { studyId: string; frozen: FrozenLink[] };

const frozenUrl = (studyId: string, id: string) => `/studies/${encodeURIComponent(studyId)}/results/frozen/${encodeURIComponent(id)}`;

// The raters the dashboard leaves out now: it keeps them in the address bar (?exclude=).
function currentExclude(): string[] {
  return (new URL(window.location.href).searchParams.get("exclude") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
}

export function FreezePanel({ studyId, frozen }: FreezePanelProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const label = String(new FormData(event.currentTarget).get("label") ?? "");
    setBusy(true);
    const res = await fetch(`/api/studies/${encodeURIComponent(studyId)}/frozen`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ label, exclude: currentExclude() }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as (FreezeReply & { error?: { message?: string } }) | null;
    if (res?.ok && body) return router.push(body.url);
    setBusy(false);
    setError(body?.error?.message ?? "Could not freeze the results. Try again.");
  }

  return (
    <Section id="freeze" title="Freeze results" description="A citable snapshot: these figures, the study's settings, the app version and every vote with its sha256, under a link that never changes.">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="freeze-label" className="block text-sm font-medium">Label (optional)</label>
          <input id="freeze-label" name="label" maxLength={200} placeholder="e.g. Table 2, submission"
            className="mt-1 w-64 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <Button type="submit" disabled={busy}>{busy ? "Freezing…" : "Freeze results"}</Button>
        <p className="w-full text-xs text-slate-600">Raters you left out above stay left out in the frozen figures.</p>
        {error && <p role="alert" className="w-full text-sm text-red-700">{error}</p>}
      </form>
      {frozen.length > 0 && (
        <ul aria-label="Frozen results" className="mt-4 space-y-1 text-sm">
          {frozen.map((f) => (
            <li key={f.id}>
              <a href={frozenUrl(studyId, f.id)} className="text-brand-700 underline">{f.label ?? "Frozen results"}</a>
              <span className="text-slate-600"> · {utcMinute(f.createdAt)} · {f.voteCount} votes</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
