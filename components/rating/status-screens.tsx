// The screens around the pairs: finished, waiting for pairs to come back, errors, a revealed vote.
"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Completion, VoteReply } from "@/lib/rating/types";
import { judgedLabel } from "./rating-text";

export type FinishedProps = { completion?: Completion; shortOfVotes?: number; judged: number };

export function Finished({ completion, shortOfVotes, judged }: FinishedProps) {
  // Flags are not votes: a rater who ran out of pairs by flagging them gets no completion code.
  if (shortOfVotes && shortOfVotes > 0) {
    return (
      <Card role="status" className="text-center">
        <h2 className="text-xl font-semibold">No pairs are left for you</h2>
        <p className="mt-2 text-slate-700">
          {judged === 0 ? "You flagged the remaining pairs" : `You judged ${judged === 1 ? "1 pair" : `${judged} pairs`} and flagged the rest`}, so there is{" "}
          <strong>no completion code</strong>: the study needs {shortOfVotes} more {shortOfVotes === 1 ? "vote" : "votes"} from you for one.
        </p>
        <p className="mt-2 text-slate-700">Contact the researcher who runs this study.</p>
      </Card>
    );
  }
  return (
    <Card role="status" className="text-center">
      <h2 className="text-xl font-semibold">All pairs are judged — thank you</h2>
      <p className="mt-2 text-slate-600">There is nothing left for you in this study ({judgedLabel(judged)}).</p>
      {completion?.code && (
        <p className="mt-4">
          Your completion code: <strong className="select-all rounded bg-slate-100 px-2 py-1 font-mono text-lg">{completion.code}</strong>
        </p>
      )}
      {completion?.url && (
        <p className="mt-4">
          <a href={completion.url} className="font-medium text-brand-700 underline" rel="noopener noreferrer">
            Return to the study platform
          </a>
        </p>
      )}
    </Card>
  );
}

export function Waiting({ retryAfterSeconds, onRetry, busy }: { retryAfterSeconds: number; onRetry: () => void; busy: boolean }) {
  useEffect(() => {
    const timer = window.setInterval(onRetry, retryAfterSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [onRetry, retryAfterSeconds]);
  return (
    <Card role="status">
      <h2 className="text-lg font-semibold">No pair is free right now</h2>
      <p className="mt-2 text-slate-600">
        Other raters are judging the remaining pairs. Pairs they leave unfinished come back; this page checks again every{" "}
        {retryAfterSeconds} seconds.
      </p>
      <Button className="mt-4" onClick={onRetry} disabled={busy}>Check again</Button>
    </Card>
  );
}

export function Failed({ message, onRetry, busy }: { message: string; onRetry: () => void; busy: boolean }) {
  return (
    <Card role="alert">
      <h2 className="text-lg font-semibold">Something went wrong</h2>
      <p className="mt-2 text-slate-700">{message}</p>
      <Button className="mt-4" onClick={onRetry} disabled={busy}>Load the next pair</Button>
    </Card>
  );
}

export function Revealed({ reveal, onNext, busy }: { reveal: NonNullable<VoteReply["reveal"]>; onNext: () => void; busy: boolean }) {
  return (
    <Card role="status" className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p>
        Vote recorded. Answer A was written by <strong>{reveal.left.model}</strong>, answer B by <strong>{reveal.right.model}</strong>.
      </p>
      <Button onClick={onNext} disabled={busy} autoFocus>Next pair</Button>
    </Card>
  );
}
