// The blind voting flow on the client: guidelines, one pair at a time, vote or flag, then done.
"use client";

import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Progress, RatingOptions } from "@/lib/data/study-access";
import type { VoteChoice } from "@/lib/validation/vote";
import { FlagDialog } from "./flag-dialog";
import { MarkdownAnswer } from "./markdown-answer";
import { ModalDialog } from "./modal-dialog";
import { PairScreen } from "./pair-screen";
import { PairView } from "./pair-view";
import { ProgressSummary } from "./progress-summary";
import { Failed, Finished, Revealed, Waiting } from "./status-screens";
import { useRating } from "./use-rating";

export type RatingAppProps = { studyId: string; guidelines: string; options: RatingOptions; progress: Progress };

export function RatingApp({ studyId, guidelines, options, progress: initialProgress }: RatingAppProps) {
  const hasGuidelines = guidelines.trim().length > 0;
  const { screen, progress, busy, voteError, clearVoteError, start, loadNext, vote, flag } = useRating(studyId, {
    showIntro: hasGuidelines && initialProgress.judgedByYou === 0,
    progress: initialProgress,
  });
  const [dialog, setDialog] = useState<"guidelines" | "flag" | null>(null);
  const pair = screen.kind === "pair" ? screen.pair : null;

  // Only the first load (after the guidelines, if shown) goes through the "loading" screen.
  useEffect(() => {
    if (screen.kind === "loading") void loadNext();
  }, [screen.kind, loadNext]);

  const onVote = useCallback(
    (choice: VoteChoice, rationale: string) => {
      clearVoteError();
      if (pair) void vote(pair, choice, rationale);
    },
    [pair, vote, clearVoteError],
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <ProgressSummary progress={progress} />
        <div className="flex gap-2">
          {hasGuidelines && <Button variant="secondary" onClick={() => setDialog("guidelines")}>Guidelines</Button>}
          {pair && <Button variant="ghost" onClick={() => setDialog("flag")} disabled={busy}>Flag this pair</Button>}
        </div>
      </div>

      {screen.kind === "intro" && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Before you start: the guidelines</h2>
          <MarkdownAnswer text={guidelines} />
          <Button className="mt-6" onClick={start} autoFocus>Start rating</Button>
        </Card>
      )}
      {screen.kind === "loading" && <p role="status" className="text-slate-600">Loading the next pair…</p>}
      {pair && (
        <>
          <PairScreen
            key={pair.assignmentId} pair={pair} options={options} busy={busy} serverError={voteError?.message ?? null} onVote={onVote} />
        </>
      )}
      {screen.kind === "revealed" && (
        <>
          <Revealed reveal={screen.reveal} onNext={loadNext} busy={busy} />
          <PairView pair={screen.pair} />
        </>
      )}
      {screen.kind === "done" && <Finished completion={screen.completion} />}
      {screen.kind === "waiting" && (
        <Waiting retryAfterSeconds={screen.retryAfterSeconds} onRetry={loadNext} busy={busy} />
      )}
      {screen.kind === "failed" && <Failed message={screen.failure.message} onRetry={loadNext} busy={busy} />}

      <ModalDialog open={dialog === "guidelines"} onClose={() => setDialog(null)} title="Guidelines">
        <MarkdownAnswer text={guidelines} />
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
