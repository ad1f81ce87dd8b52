"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NewInviteLinks, post } from "@/components/admin/study-actions";
import { Button } from "@/components/ui/button";
import type { AddRatersResponse } from "@/lib/validation/study";

export type InviteRow = { email: string; state: "pending" | "expired" | "accepted"; expiresAt: string | null };

export type InviteListProps = { studyId: string; invites: InviteRow[] };

const STATE_STYLE: Record<InviteRow["state"], string> = {
  pending: "bg-amber-100 text-amber-800",
  expired: "bg-slate-200 text-slate-700",
  accepted: "bg-green-100 text-green-800",
};

/** Email invitations and their state; a fresh link for one replaces (and so invalidates) its old link. */
export function InviteList({ studyId, invites }: InviteListProps) {
  const router = useRouter();
  const [fresh, setFresh] = useState<AddRatersResponse["invited"]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function renew(email: string) {
    const res = await post(`/api/studies/${studyId}/raters`, { emails: email });
    if (!res.ok) return setMessage(res.body.error?.message ?? "Could not make a new link.");
    const { invited, added } = res.body as unknown as AddRatersResponse;
    setFresh((links) => [...links.filter((l) => l.email !== email), ...invited]);
    setMessage(added.length ? `${email} has an account now and was added as a rater.` : null);
    router.refresh();
  }

  return (
    <div className="mt-4 space-y-3">
      <h3 className="text-sm font-medium">Email invitations</h3>
      <ul aria-label="Email invitations" className="space-y-1 text-sm">
        {invites.map((i) => (
          <li key={i.email} className="flex flex-wrap items-center gap-2">
            <span>{i.email}</span>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[i.state]}`}>
              {i.state}{i.state === "pending" && i.expiresAt ? ` until ${i.expiresAt.slice(0, 10)}` : ""}
            </span>
            {i.state !== "accepted" && (
              <Button variant="ghost" size="sm" aria-label={`New link for ${i.email}`} onClick={() => renew(i.email)}>New link</Button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role="status" className="text-sm text-slate-700">{message}</p>}
      <NewInviteLinks links={fresh} />
    </div>
  );
}
