// One pair being judged: mounted afresh for every assignment (keyed by its id), so the rationale
// and messages never carry over, and focus moves to the new instruction for screen readers.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { optionError } from "@/lib/assignment/vote-outcome";
import type { ServedPair } from "@/lib/data/assignments";
import type { RatingOptions } from "@/lib/data/study-access";
import type { VoteChoice } from "@/lib/validation/vote";
import { PairView } from "./pair-view";
import { VotePanel } from "./vote-panel";

export type PairScreenProps = {
  pair: ServedPair;
  options: RatingOptions;
  busy: boolean;
  serverError: string | null;
  onVote: (choice: VoteChoice, rationale: string) => void;
};

export function PairScreen({ pair, options, busy, serverError, onVote }: PairScreenProps) {
  const [rationale, setRationale] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const vote = useCallback(
    (choice: VoteChoice) => {
      // The same option checks as the server, so the rater learns at once what is missing.
      const problem = optionError(options, { choice, rationale: rationale.trim() || undefined });
      setLocalError(problem?.message ?? null);
      if (!problem) onVote(choice, rationale);
    },
    [options, rationale, onVote],
  );

  return (
    <>
      <PairView pair={pair} headingRef={headingRef} />
      <VotePanel
        options={options}
        busy={busy}
        rationale={rationale}
        onRationale={setRationale}
        onVote={vote}
        error={localError ?? serverError}
      />
    </>
  );
}
