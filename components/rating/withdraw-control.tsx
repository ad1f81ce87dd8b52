// "Withdraw from this study": a rater's right to leave and take their votes with them. Set apart
// from the vote buttons, and asked about first, in the app's confirm dialog.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import type { WithdrawReply } from "@/lib/validation/withdrawal";

export type WithdrawControlProps = { studyId: string; studyName: string };

async function withdraw(studyId: string): Promise<WithdrawReply | { error: string }> {
  try {
    const res = await fetch(`/api/studies/${studyId}/withdraw`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ confirm: true }), cache: "no-store",
    });
    const body = (await res.json().catch(() => null)) as (WithdrawReply & { error?: { message?: string } }) | null;
    if (res.ok && body) return body;
    return { error: body?.error?.message ?? `The server answered ${res.status}. Try again.` };
  } catch {
    return { error: "Could not reach the server. Check your connection and try again." };
  }
}

export function WithdrawControl({ studyId, studyName }: WithdrawControlProps) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setAsking(false);
    setBusy(true);
    const result = await withdraw(studyId);
    if ("error" in result) {
      setBusy(false);
      return setError(result.error);
    }
    // A public page: a crowd participant's session ended with the withdrawal.
    router.push(`/withdrawn?votes=${result.votesRemoved}`);
  }

  return (
    <section aria-label="Withdraw" className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600">
      <p>
        Changed your mind about taking part?{" "}
        <button type="button" onClick={() => setAsking(true)} disabled={busy}
          className="font-medium text-red-700 underline underline-offset-2 hover:text-red-800 disabled:text-slate-400">
          Withdraw from this study
        </button>
      </p>
      {error && <p role="alert" className="mt-2 text-red-700">{error}</p>}
      <ConfirmDialog
        open={asking}
        title={`Withdraw from “${studyName}”?`}
        confirmLabel="Withdraw and delete my votes"
        destructive
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p>All your votes in this study are deleted, and its results are counted again without them.</p>
        <p>You leave the study for good: you cannot rate it again with this account or participant id.</p>
        <p>The study&apos;s record of changes keeps only your pseudonym and how many votes were removed, not your email or participant id. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
