// The rating flow's state: which screen shows, the pair held, the last vote (with its undo window),
// what to announce to screen readers, and one request at a time.
"use client";

import { useCallback, useRef, useState } from "react";
import type { Completion, NextPair, Progress, ServedPair, VoteReply } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";
import type { PairVote } from "./pair-screen";
import { choiceLabel, pairAnnouncement } from "./rating-text";
import { type ApiFailure, type ApiResult, isFailure, ratingApi } from "./rating-api";

export type Screen =
  | { kind: "intro" }
  | { kind: "loading" }
  | { kind: "pair"; pair: ServedPair; restored: boolean }
  | { kind: "revealed"; pair: ServedPair; reveal: NonNullable<VoteReply["reveal"]>; choice: VoteChoice }
  | { kind: "done"; completion?: Completion; screenOut?: Completion; shortOfVotes?: number }
  | { kind: "waiting"; retryAfterSeconds: number }
  | { kind: "failed"; failure: ApiFailure };

/** What the rater is told about their last vote: recorded (undo offered until `undoUntil`, client clock), or undone. */
// `judged`: what was chosen, as said ("A is better", or "Overall: A, Helpful: B" on several criteria).
export type VoteNotice =
  | { kind: "recorded"; assignmentId: string; judged: string; pairNumber: number; undoUntil: number | null; refusal: string | null }
  | { kind: "undone"; judged: string; pairNumber: number };

// The undo button goes a little before the server's deadline, so a late press is not refused.
const UNDO_MARGIN_MS = 500;

/** The undo window on this browser's clock: the server's window length, from when its reply arrived. */
function undoDeadline(reply: VoteReply, receivedAt: number): number | null {
  if (!reply.undoUntil) return null;
  const length = Date.parse(reply.undoUntil) - Date.parse(reply.vote.recordedAt);
  return Number.isFinite(length) && length > UNDO_MARGIN_MS ? receivedAt + length - UNDO_MARGIN_MS : null;
}

export function useRating(studyId: string, initial: { showIntro: boolean; progress: Progress }) {
  const [screen, setScreen] = useState<Screen>(initial.showIntro ? { kind: "intro" } : { kind: "loading" });
  const [progress, setProgress] = useState(initial.progress);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<VoteNotice | null>(null);
  // Said once in the page's polite live region: the pair shown, a vote recorded or undone.
  const [announcement, setAnnouncement] = useState("");
  // The ref blocks a second request before React re-renders the disabled buttons (double clicks).
  const inFlight = useRef(false);
  // Errors about the vote itself (e.g. a missing rationale) stay on the pair screen.
  const [voteError, setVoteError] = useState<ApiFailure | null>(null);

  // A consent page added while the rater was rating: the page reloads into it.
  const failScreen = useCallback((failure: ApiFailure) => {
    if (failure.code === "consent_required") window.location.reload();
    else setScreen({ kind: "failed", failure });
  }, []);

  const run = useCallback(
    async <T,>(request: () => Promise<ApiResult<T>>, onOk: (value: T) => void, onFail: (failure: ApiFailure) => void) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      try {
        const result = await request();
        if (isFailure(result)) onFail(result);
        else onOk(result);
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [],
  );

  /** Shows what /next (or a flag) answered; `said` goes before the pair's own announcement. */
  const show = useCallback((next: NextPair, said = "") => {
    setProgress(next.progress);
    setVoteError(null);
    if ("assignmentId" in next) {
      setScreen({ kind: "pair", pair: next, restored: false });
      setAnnouncement(`${said}${pairAnnouncement(next.progress, next.conversation)}`);
    } else if (next.done) {
      setScreen({ kind: "done", completion: next.completion, screenOut: next.screenOut, shortOfVotes: next.shortOfVotes });
      setAnnouncement(`${said}No pairs are left for you.`);
    } else {
      setScreen({ kind: "waiting", retryAfterSeconds: next.retryAfterSeconds });
      setAnnouncement(`${said}No pair is free right now.`);
    }
  }, []);

  // The current screen stays (buttons disabled) until the answer arrives.
  const loadNext = useCallback(() => run(() => ratingApi.next(studyId), (next) => show(next), failScreen), [run, show, failScreen, studyId]);
  const start = useCallback(() => setScreen({ kind: "loading" }), []);

  const vote = useCallback(
    (pair: ServedPair, { choice, criteria, judged = choiceLabel(choice), rationale, seenBothMs, issues }: PairVote) => {
      const pairNumber = pair.progress.judgedByYou + 1;
      return run(
        async () => {
          const body = { assignmentId: pair.assignmentId, choice, criteria, rationale: rationale.trim() || undefined, seenBothMs, issues };
          const reply = await ratingApi.vote(studyId, body);
          if (isFailure(reply)) return reply;
          const receivedAt = Date.now();
          // Straight on to the next pair within the same request slot, unless the models are revealed first.
          return { reply, receivedAt, next: reply.reveal ? null : await ratingApi.next(studyId) };
        },
        ({ reply, receivedAt, next }) => {
          const recorded = `Recorded: ${judged} on pair ${pairNumber}. `;
          // No undo once the models are revealed (a vote changed after seeing them would not be blind),
          // nor once the completion code is shown (the server refuses it then).
          const completed = next && !isFailure(next) && "done" in next && next.done && !!next.completion;
          const undoUntil = reply.reveal || completed ? null : undoDeadline(reply, receivedAt);
          setNotice({ kind: "recorded", assignmentId: pair.assignmentId, judged, pairNumber, undoUntil, refusal: null });
          if (reply.reveal) {
            setScreen({ kind: "revealed", pair, reveal: reply.reveal, choice });
            setProgress((p) => ({ ...p, judgedByYou: p.judgedByYou + 1, leftForYou: Math.max(0, p.leftForYou - 1) }));
            setAnnouncement(recorded);
          } else if (next && isFailure(next)) {
            failScreen(next);
          } else if (next) {
            show(next, recorded);
          }
        },
        (failure) => {
          // A vote the server refused for what the rater can fix stays on its pair with the message.
          if (failure.status === 422 || failure.code === "network" || failure.code === "vote_undone") setVoteError(failure);
          else failScreen(failure);
        },
      );
    },
    [run, show, failScreen, studyId],
  );

  const undo = useCallback(
    (last: Extract<VoteNotice, { kind: "recorded" }>) =>
      run(
        () => ratingApi.undo(studyId, { assignmentId: last.assignmentId }),
        ({ pair }) => {
          setProgress(pair.progress);
          setVoteError(null);
          setScreen({ kind: "pair", pair, restored: true });
          setNotice({ kind: "undone", judged: last.judged, pairNumber: last.pairNumber });
          setAnnouncement(`Your vote on pair ${last.pairNumber} is undone. Pair ${last.pairNumber} is shown again: choose again.`);
        },
        (failure) => {
          setNotice({ ...last, undoUntil: null, refusal: failure.message });
          setAnnouncement(`Not undone: ${failure.message}`);
        },
      ),
    [run, studyId],
  );

  const flag = useCallback(
    (pair: ServedPair, reason: string) =>
      run(
        () => ratingApi.flag(studyId, { assignmentId: pair.assignmentId, reason }),
        (next) => {
          setNotice(null);
          show(next, "Pair flagged. ");
        },
        failScreen,
      ),
    [run, show, failScreen, studyId],
  );

  const clearVoteError = useCallback(() => setVoteError(null), []);
  const clearNotice = useCallback(() => setNotice(null), []);
  // The same words again (a second early key press) must still change the region to be said again.
  const announce = useCallback((text: string) => setAnnouncement((said) => (said === text ? `${text}\u00a0` : text)), []);
  return {
    screen, progress, busy, voteError, notice, announcement,
    clearVoteError, clearNotice, announce, start, loadNext, vote, undo, flag,
  };
}
