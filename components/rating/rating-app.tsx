// The blind voting flow on the client: guidelines, one pair at a time, vote (and undo) or flag, then done.
"use client";

import { type FocusEvent, useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Progress } from "@/lib/rating/types";
import type { MarkdownTree } from "@/lib/markdown/tree";
import { FlagDialog } from "./flag-dialog";
import { MarkdownAnswer } from "./markdown-answer";
import { ModalDialog } from "./modal-dialog";
import { PairScreen, type PairVote } from "./pair-screen";
import { PairView } from "./pair-view";
import { ProgressSummary } from "./progress-summary";
import { progressOf } from "./rating-contract";
import { ScreenedOut } from "./screen-out-screen";
import { Failed, Finished, Revealed, Waiting } from "./status-screens";
import { VoteConfirmation } from "./vote-confirmation";
import { useRating, type VoteNotice } from "./use-rating";

type ProgressIn = Parameters<typeof progressOf>[0];
/** `guidelines`: the study's guidelines as parsed Markdown, empty when it has none. */
export type RatingAppProps = { studyId: string; guidelines: MarkdownTree; progress: ProgressIn | Progress };

const noticeKey = (n: VoteNotice) => (n.kind === "recorded" ? `${n.assignmentId}:${n.refusal ?? ""}` : `undone:${n.pairNumber}`);

export function RatingApp({ studyId, guidelines, progress: initialProgress }: RatingAppProps) {
  const hasGuidelines = guidelines.length > 0;
  const {
    screen, progress, busy, voteError, notice, announcement,
    clearVoteError, clearNotice, announce, start, loadNext, vote, undo, flag,
  } = useRating(studyId, { showIntro: hasGuidelines && initialProgress.judgedByYou === 0, progress: progressOf(initialProgress) });
  const [dialog, setDialog] = useState<"guidelines" | "flag" | null>(null);
  const pair = screen.kind === "pair" ? screen.pair : null;
  // What had focus inside the page, so a pair replacing the focused control can put focus back.
  const focusMemory = useRef<string | null>(null);

  // Only the first load (after the guidelines, if shown) goes through the "loading" screen.
  useEffect(() => {
    if (screen.kind === "loading") void loadNext();
  }, [screen.kind, loadNext]);

  const onVote = useCallback(
    (cast: PairVote) => {
      clearVoteError();
      if (pair) void vote(pair, cast);
    },
    [pair, vote, clearVoteError],
  );

  function rememberFocus(event: FocusEvent<HTMLDivElement>) {
    const choice = (event.target as HTMLElement).dataset.choice;
    focusMemory.current = choice ? `choice:${choice}` : "other";
  }
  function forgetFocus(event: FocusEvent<HTMLDivElement>) {
    // Focus leaving for elsewhere (or a click on nothing); a removed control sends no focusout.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusMemory.current = null;
  }

  const confirmation = notice && (
    <VoteConfirmation
      key={noticeKey(notice)}
      notice={notice}
      busy={busy}
      onUndo={() => notice.kind === "recorded" && void undo(notice)}
      onExpire={clearNotice}
    />
  );

  return (
    <div className={`space-y-4 ${pair ? "" : "pb-8"}`} onFocus={rememberFocus} onBlur={forgetFocus}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <ProgressSummary progress={progress} finished={screen.kind === "done"} />
        <div className="flex gap-1">
          {hasGuidelines && <Button variant="secondary" onClick={() => setDialog("guidelines")}>Guidelines</Button>}
          {pair && <Button variant="ghost" onClick={() => setDialog("flag")} disabled={busy}>Flag this pair</Button>}
        </div>
      </div>
      <p role="status" aria-live="polite" className="sr-only">{announcement}</p>

      {screen.kind === "intro" && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Before you start: the guidelines</h2>
          <MarkdownAnswer tree={guidelines} />
          <Button className="mt-6" onClick={start} autoFocus>Start rating</Button>
        </Card>
      )}
      {screen.kind === "loading" && <p className="text-slate-600">Loading the next pair…</p>}
      {pair && (
        <PairScreen
          key={pair.assignmentId}
          pair={pair}
          restored={screen.kind === "pair" && screen.restored}
          busy={busy}
          serverError={voteError?.message ?? null}
          confirmation={confirmation}
          focusMemory={focusMemory}
          onVote={onVote}
          onBlocked={announce}
          onAnnounce={announce}
        />
      )}
      {screen.kind === "revealed" && (
        <>
          <Revealed reveal={screen.reveal} onNext={loadNext} busy={busy} />
          <PairView pair={screen.pair} />
        </>
      )}
      {screen.kind !== "pair" && screen.kind !== "revealed" && confirmation}
      {screen.kind === "done" && (screen.screenOut
        ? <ScreenedOut screenOut={screen.screenOut} judged={progress.judgedByYou} />
        : <Finished completion={screen.completion} shortOfVotes={screen.shortOfVotes} judged={progress.judgedByYou} />)}
      {screen.kind === "waiting" && (
        <Waiting retryAfterSeconds={screen.retryAfterSeconds} onRetry={loadNext} busy={busy} />
      )}
      {screen.kind === "failed" && <Failed message={screen.failure.message} onRetry={loadNext} busy={busy} />}

      <ModalDialog open={dialog === "guidelines"} onClose={() => setDialog(null)} title="Guidelines">
        <MarkdownAnswer tree={guidelines} />
      </ModalDialog>
      <FlagDialog
        open={dialog === "flag"}
        busy={busy}
        onClose={() => setDialog(null)}
        onFlag={(reason) => {
          setDialog(null);
          if (pair) void flag(pair, reason);
        }}
      />
    </div>
  );
}
