// "Flag this pair": the rater says why the pair cannot be judged fairly; they then get another one.
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { checkFlagReason, FLAG_REASON_MAX_CHARS } from "@/lib/rating/limits";
import { ModalDialog } from "./modal-dialog";

const REASONS = [
  "An answer reveals which model wrote it",
  "The instruction is unclear or broken",
  "The two answers are identical",
  "Harmful or offensive content",
  "Other",
];

export type FlagDialogProps = { open: boolean; busy: boolean; onClose: () => void; onFlag: (reason: string) => void };

export function FlagDialog({ open, busy, onClose, onFlag }: FlagDialogProps) {
  const [preset, setPreset] = useState(REASONS[0]!);
  const [details, setDetails] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reason = preset === "Other" ? details : details.trim() ? `${preset}: ${details}` : preset;

  function submit() {
    const checked = checkFlagReason(reason);
    if (!checked.ok) return setError(checked.message);
    setError(null);
    onFlag(checked.reason);
  }

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="Flag this pair"
      footer={<Button onClick={submit} disabled={busy}>Flag and skip</Button>}
    >
      <p className="mb-3 text-sm text-slate-600">Flagged pairs are reviewed by the study&apos;s admins. You will get another pair.</p>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">What is wrong?</legend>
        {REASONS.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="radio" name="flag-reason" value={r} checked={preset === r} onChange={() => setPreset(r)} />
            {r}
          </label>
        ))}
      </fieldset>
      <label className="mt-4 block text-sm font-medium" htmlFor="flag-details">
        Details {preset === "Other" ? "(required)" : "(optional)"}
      </label>
      <textarea
        id="flag-details"
        value={details}
        maxLength={FLAG_REASON_MAX_CHARS - 100}
        onChange={(e) => setDetails(e.target.value)}
        rows={3}
        className="mt-1 w-full rounded-md border border-slate-300 p-2 text-sm"
        aria-describedby={error ? "flag-error" : undefined}
      />
      {error && <p id="flag-error" role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </ModalDialog>
  );
}
