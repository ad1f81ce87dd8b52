// "No pairs are left for you" before the rater reached the study's minimum: the study's screen-out
// code and URL (distinct from the completion code), for crowd platforms to pay or return them.
"use client";

import { Card } from "@/components/ui/card";
import type { Completion } from "@/lib/rating/types";

export type ScreenedOutProps = { screenOut: Completion; judged: number };

export function ScreenedOut({ screenOut, judged }: ScreenedOutProps) {
  return (
    <Card role="status" className="text-center">
      <h2 className="text-xl font-semibold">No pairs are left for you</h2>
      <p className="mt-2 text-slate-700">
        {judged === 0 ? "Other raters have already judged every pair" : `You judged ${judged === 1 ? "1 pair" : `${judged} pairs`}, and the other pairs are already judged`}:
        the study ran out of pairs before you reached its minimum. Thank you for your time.
      </p>
      {screenOut.code && (
        <p className="mt-4">
          Your screen-out code: <strong className="select-all rounded bg-slate-100 px-2 py-1 font-mono text-lg">{screenOut.code}</strong>
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">This is not the completion code. Enter it on the study platform as it asks.</p>
      {screenOut.url && (
        <p className="mt-4">
          <a href={screenOut.url} className="font-medium text-brand-700 underline" rel="noopener noreferrer">Return to the study platform</a>
        </p>
      )}
    </Card>
  );
}
