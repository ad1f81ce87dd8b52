// "Exclude this pair" / "Count it again" on the pairs page: an excluded pair is no longer served and is
// left out of every figure (the dashboard still shows a headline "with the excluded prompts"). Undone by
// the same button; each change is in the study's audit trail.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { sendJson } from "./send-json";

export type PairExclusionProps = { studyId: string; pairId: string; excluded: boolean; instruction: string };

export function PairExclusion({ studyId, pairId, excluded, instruction }: PairExclusionProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    setError(await sendJson(`/api/studies/${studyId}/exclusions`, "POST", { pairId, excluded: !excluded }));
    router.refresh();
    setBusy(false);
  }
  const short = instruction.length > 60 ? `${instruction.slice(0, 60)}…` : instruction;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={toggle} disabled={busy} aria-label={`${excluded ? "Count it again" : "Exclude this pair"}: “${short}”`}>
        {excluded ? "Count it again" : "Exclude this pair"}
      </Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}
