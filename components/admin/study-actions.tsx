"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};
import { Button } from "@/components/ui/button";

export type StudyActionsProps = { studyId: string; status: "DRAFT" | "OPEN" | "CLOSED" };

async function post(url: string, body: unknown): Promise<{ ok: boolean; body: Record<string, unknown> & { error?: { message: string } } }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, body: await res.json() };
}

export function StudyActions({ studyId, status }: StudyActionsProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function change(next: "OPEN" | "CLOSED") {
    setPending(true);
    const res = await post(`/api/studies/${studyId}/status`, { status: next });
    setPending(false);
    setMessage(res.ok ? null : (res.body.error?.message ?? "Could not change the status."));
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      {status === "DRAFT" && <Button onClick={() => change("OPEN")} disabled={pending}>Open study</Button>}
      {status === "OPEN" && <Button variant="secondary" onClick={() => change("CLOSED")} disabled={pending}>Close study</Button>}
      {message && <p role="alert" className="text-sm text-red-700">{message}</p>}
    </div>
  );
}

export function AddRatersForm({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [result, setResult] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const emails = String(new FormData(event.currentTarget).get("emails") ?? "");
    const res = await post(`/api/studies/${studyId}/raters`, { emails });
    if (!res.ok) return setResult(res.body.error?.message ?? "Could not add raters.");
    const { added, invited, notRaters } = res.body as unknown as { added: string[]; invited: string[]; notRaters: string[] };
    setResult([`${added.length} added`, `${invited.length} invited`, notRaters.length ? `not rater accounts: ${notRaters.join(", ")}` : ""].filter(Boolean).join(" · "));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <label htmlFor="emails" className="block text-sm font-medium">Add raters by email</label>
      <textarea id="emails" name="emails" rows={2} placeholder="one@example.org, two@example.org" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      <Button type="submit" variant="secondary">Add raters</Button>
      {result && <p role="status" className="text-sm text-slate-700">{result}</p>}
    </form>
  );
}

export function InviteLink({ token }: { token: string }) {
  const path = `/join/${token}`;
  const [copied, setCopied] = useState(false);
  // The server does not know the public origin: it renders the path, the browser the full URL.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code aria-label="Invitation link" className="rounded bg-slate-100 px-2 py-1 text-xs break-all">{url}</code>
      <Button variant="ghost" onClick={() => navigator.clipboard.writeText(url).then(() => setCopied(true))}>{copied ? "Copied" : "Copy"}</Button>
    </div>
  );
}
