// A member's withdrawal done by an admin at the rater's request (email, ethics board): the same as
// the rater's own, asked about first.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { post } from "@/components/admin/study-actions";

export type WithdrawRaterProps = { studyId: string; pseudonym: string; shownAs: string };

export function WithdrawRater({ studyId, pseudonym, shownAs }: WithdrawRaterProps) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function confirm() {
    setAsking(false);
    const res = await post(`/api/studies/${studyId}/raters/withdraw`, { pseudonym });
    setMessage(res.ok ? null : (res.body.error?.message ?? "Could not withdraw the rater."));
    router.refresh();
  }

  return (
    <>
      <button type="button" onClick={() => setAsking(true)} aria-label={`Withdraw ${shownAs}`}
        className="text-xs font-medium text-red-700 underline underline-offset-2 hover:text-red-800">
        Withdraw…
      </button>
      {message && <span role="alert" className="text-xs text-red-700">{message}</span>}
      <ConfirmDialog open={asking} title={`Withdraw ${shownAs} from this study?`} confirmLabel="Withdraw and delete their votes"
        destructive onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>Do this only at the rater&apos;s request. All their votes in this study are deleted and the results counted again without them; they cannot rejoin it.</p>
        <p>The audit trail records the withdrawal under their pseudonym ({pseudonym}) with the number of votes removed. Frozen results say they were computed before it.</p>
      </ConfirmDialog>
    </>
  );
}
