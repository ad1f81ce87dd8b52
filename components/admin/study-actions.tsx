"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { CopyLink } from "@/components/admin/copy-link";
import { Button } from "@/components/ui/button";
import type { AddRatersResponse } from "@/lib/validation/study";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

export type StudyActionsProps = { studyId: string; studyName: string; status: StudyStatus; pairs: number; flaggedPairs: number };

export async function post(url: string, body: unknown): Promise<{ ok: boolean; body: Record<string, unknown> & { error?: { message: string } } }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, body: await res.json() };
}

// What each change does, said before it is done: neither can be undone.
function consequences(next: "OPEN" | "CLOSED", pairs: number, flaggedPairs: number) {
  if (next === "CLOSED") {
    return <p>Raters can no longer vote. Votes cast so far stay and the results remain readable. A closed study cannot be opened again.</p>;
  }
  return (
    <>
      <p>Its {pairs} pairs freeze: they cannot change, and outputs they use can no longer be replaced. Members can start voting. An open study cannot go back to draft.</p>
      {flaggedPairs > 0 && <p className="font-medium text-amber-800">{flaggedPairs} of its pairs show an answer flagged as possibly naming its author.</p>}
    </>
  );
}

export function StudyActions({ studyId, studyName, status, pairs, flaggedPairs }: StudyActionsProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState<"OPEN" | "CLOSED" | null>(null);

  async function change(next: "OPEN" | "CLOSED") {
    setAsking(null);
    setPending(true);
    const res = await post(`/api/studies/${studyId}/status`, { status: next });
    setPending(false);
    setMessage(res.ok ? null : (res.body.error?.message ?? "Could not change the status."));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {status === "DRAFT" && <Button onClick={() => setAsking("OPEN")} disabled={pending}>Open study</Button>}
      {status === "OPEN" && <Button variant="secondary" onClick={() => setAsking("CLOSED")} disabled={pending}>Close study</Button>}
      {message && <p role="alert" className="text-sm text-red-700">{message}</p>}
      <ConfirmDialog
        open={asking !== null}
        title={asking === "CLOSED" ? `Close “${studyName}”?` : `Open “${studyName}”?`}
        confirmLabel={asking === "CLOSED" ? "Close study for good" : "Open study"}
        destructive={asking === "CLOSED"}
        onConfirm={() => asking && change(asking)}
        onCancel={() => setAsking(null)}
      >
        {asking && consequences(asking, pairs, flaggedPairs)}
      </ConfirmDialog>
    </div>
  );
}

export type NewInviteLinksProps = { links: AddRatersResponse["invited"] };

/** Links just made: shown this once (the server keeps only their hashes), for the admin to send. */
export function NewInviteLinks({ links }: NewInviteLinksProps) {
  if (!links.length) return null;
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="mb-2 text-sm text-slate-700">Send each person their own link. It is shown only now, works once and expires in 14 days.</p>
      <ul className="space-y-2">
        {links.map((l) => (
          <li key={l.email} className="text-sm">
            <span className="font-medium">{l.email}</span>
            <CopyLink path={l.link} label={`Link for ${l.email}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AddRatersForm({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);
  const [links, setLinks] = useState<AddRatersResponse["invited"]>([]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const emails = String(new FormData(event.currentTarget).get("emails") ?? "");
    const res = await post(`/api/studies/${studyId}/raters`, { emails });
    if (!res.ok) return setResult(res.body.error?.message ?? "Could not add raters.");
    const { added, invited, notRaters } = res.body as unknown as AddRatersResponse;
    setResult([`${added.length} added`, `${invited.length} invited`, notRaters.length ? `not rater accounts: ${notRaters.join(", ")}` : ""].filter(Boolean).join(" · "));
    setLinks(invited);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="space-y-2">
        <label htmlFor="emails" className="block text-sm font-medium">Add raters by email</label>
        <textarea id="emails" name="emails" rows={2} placeholder="one@example.org, two@example.org" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <Button type="submit" variant="secondary">Add raters</Button>
        {result && <p role="status" className="text-sm text-slate-700">{result}</p>}
      </form>
      <NewInviteLinks links={links} />
    </div>
  );
}

/** The study's own link: anyone holding it may sign up and join this study. */
export function InviteLink({ token }: { token: string }) {
  return <CopyLink path={`/join/${token}`} label="Invitation link" />;
}
