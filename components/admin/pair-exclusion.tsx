// "Exclude this pair" / "Count it again" on the pairs page: an excluded pair is no longer served and is
// left out of every figure (the dashboard still shows a headline "with the excluded prompts"). Undone by
// the same button; each change is in the study's audit trail.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export type PairExclusionProps = { studyId: string; pairId: string; excluded: boolean; instruction: string };

export function PairExclusion({ studyId, pairId, excluded, instruction }: PairExclusionProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    setBusy(true);
    try {
      const res = await fetch(`/api/studies/${studyId}/exclusions`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ pairId, excluded: !excluded }),
      });
      setError(res.ok ? null : (((await res.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? "Could not change the pair."));
      router.refresh();
    } catch {
      setError("Could not reach the server; nothing changed.");
    } finally {
      setBusy(false);
    }
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
