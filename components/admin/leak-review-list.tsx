// Outputs flagged at upload as possibly naming their author, each with the matched phrase and the
// admin's verdict: "Clear" (a false alarm; studies may use it) or "Confirm" (it stays left out).
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { FlaggedOutput, LeakDecision } from "@/lib/admin/types";

export type LeakReviewListProps = { outputs: FlaggedOutput[] };

const verdict = { CLEARED: "cleared", CONFIRMED: "confirmed" } as const;

export function LeakReviewList({ outputs }: LeakReviewListProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);

  async function review(output: FlaggedOutput, decision: LeakDecision) {
    const res = await fetch("/api/outputs/leak-review", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ outputId: output.id, decision }),
    });
    setMessage(res.ok ? `${output.model}: flag ${verdict[decision]}.` : "Could not record the verdict.");
    router.refresh();
  }

  if (outputs.length === 0) return <p className="text-sm text-slate-600">No output is flagged.</p>;
  return (
    <div className="space-y-3">
      {message && <p role="status" className="text-sm text-slate-700">{message}</p>}
      <ul className="divide-y divide-slate-100">
        {outputs.map((o) => (
          <li key={o.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{o.model}</span>
                <span className="rounded bg-amber-100 px-1.5 py-0.5 font-mono text-xs text-amber-900">“{o.phrase}”</span>
                {o.review && <Badge>{verdict[o.review]}</Badge>}
              </p>
              <p className="mt-1 break-words text-slate-700">{o.excerpt}</p>
              <p className="mt-1 truncate text-xs text-slate-500">Instruction: {o.instruction}</p>
            </div>
            <div className="flex shrink-0 gap-2">
              <Button variant="secondary" className="disabled:opacity-50" disabled={o.review === "CLEARED"} onClick={() => review(o, "CLEARED")}
                aria-label={`Clear the flag on ${o.model}'s answer (“${o.phrase}”)`}>Clear</Button>
              <Button variant="secondary" className="disabled:opacity-50" disabled={o.review === "CONFIRMED"} onClick={() => review(o, "CONFIRMED")}
                aria-label={`Confirm the flag on ${o.model}'s answer (“${o.phrase}”)`}>Confirm</Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
