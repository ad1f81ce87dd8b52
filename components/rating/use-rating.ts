// The rating flow's state: which screen shows, the pair held, and one request at a time.
"use client";

import { useCallback, useRef, useState } from "react";
import type { NextPair, ServedPair } from "@/lib/data/assignments";
import type { Completion, Progress } from "@/lib/data/study-access";
import type { VoteReply } from "@/lib/data/votes";
import type { VoteChoice } from "@/lib/validation/vote";
import { type ApiFailure, type ApiResult, isFailure, ratingApi } from "./rating-api";

export type Screen =
  | { kind: "intro" }
  | { kind: "loading" }
  | { kind: "pair"; pair: ServedPair }
  | { kind: "revealed"; pair: ServedPair; reveal: NonNullable<VoteReply["reveal"]>; choice: VoteChoice }
  | { kind: "done"; completion?: Completion }
  | { kind: "waiting"; retryAfterSeconds: number }
  | { kind: "failed"; failure: ApiFailure };

export function useRating(studyId: string, initial: { showIntro: boolean; progress: Progress }) {
  const [screen, setScreen] = useState<Screen>(initial.showIntro ? { kind: "intro" } : { kind: "loading" });
  const [progress, setProgress] = useState(initial.progress);
  const [busy, setBusy] = useState(false);
  // The ref blocks a second request before React re-renders the disabled buttons (double clicks).
  const inFlight = useRef(false);
  // Errors about the vote itself (e.g. a missing rationale) stay on the pair screen.
  const [voteError, setVoteError] = useState<ApiFailure | null>(null);

  // inline: a failed vote stays on its pair with the message (fix and press again); other failures replace the screen.
  const run = useCallback(async <T,>(request: () => Promise<ApiResult<T>>, onOk: (value: T) => void, inline = false) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const result = await request();
      if (isFailure(result)) handleFailure(result);
      else onOk(result);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
    function handleFailure(failure: ApiFailure) {
      if (inline && (failure.status === 422 || failure.code === "network")) setVoteError(failure);
      else setScreen({ kind: "failed", failure });
    }
  }, []);

  const show = useCallback((next: NextPair) => {
    setProgress(next.progress);
    setVoteError(null);
    if ("assignmentId" in next) setScreen({ kind: "pair", pair: next });
    else if (next.done) setScreen({ kind: "done", completion: next.completion });
    else setScreen({ kind: "waiting", retryAfterSeconds: next.retryAfterSeconds });
  }, []);

  // The current screen stays (buttons disabled) until the answer arrives.
  const loadNext = useCallback(() => run(() => ratingApi.next(studyId), show), [run, show, studyId]);
  const start = useCallback(() => setScreen({ kind: "loading" }), []);

  const vote = useCallback(
    (pair: ServedPair, choice: VoteChoice, rationale: string) =>
      run(
        async () => {
          const reply = await ratingApi.vote(studyId, { assignmentId: pair.assignmentId, choice, rationale: rationale.trim() || undefined });
          if (isFailure(reply) || reply.reveal) return reply;
          // Straight on to the next pair within the same request slot.
          return { next: await ratingApi.next(studyId) };
        },
        (value) => {
          if ("reveal" in value && value.reveal) {
            setScreen({ kind: "revealed", pair, reveal: value.reveal, choice });
            setProgress((p) => ({ ...p, judgedByYou: p.judgedByYou + 1 }));
          }
          else if ("next" in value) {
            if (isFailure(value.next)) setScreen({ kind: "failed", failure: value.next });
            else show(value.next);
          }
        },
        true,
      ),
    [run, show, studyId],
  );

  const flag = useCallback(
    (pair: ServedPair, reason: string) => run(() => ratingApi.flag(studyId, { assignmentId: pair.assignmentId, reason }), show),
    [run, show, studyId],
  );

  const clearVoteError = useCallback(() => setVoteError(null), []);
  return { screen, progress, busy, voteError, clearVoteError, start, loadNext, vote, flag };
}
