// The issues the rater ticked on this pair's answers, by click or by key (issue-keys.ts). Held by the
// pair's screen, so ticks survive the A | B switch and a new pair (or an undone vote) starts with none.
"use client";

import { useCallback, useState } from "react";
import type { IssueOption, IssueTicks } from "@/lib/rating/types";
import { issueAtKey } from "./issue-keys";
import { useShiftShortcuts } from "./shortcuts";
import type { Side } from "./use-pair-readiness";

export type Ticks = Record<Side, string[]>;

export type IssueTicking = {
  ticks: Ticks;
  toggle: (side: Side, key: string) => void;
  /** The vote body's `issues`, keys in the study's order; undefined when nothing is ticked. */
  forVote: () => IssueTicks | undefined;
};

export type IssueTickingOptions = {
  issues: IssueOption[];
  /** Keys toggle only then (a settled pair, no vote being sent); clicks whenever the vote is not being sent. */
  keysEnabled: boolean;
  busy: boolean;
  /** Said when a key toggled an issue (a click is heard on the tick box itself). */
  onKeyToggle: (text: string) => void;
};

export function useIssueTicks({ issues, keysEnabled, busy, onKeyToggle }: IssueTickingOptions): IssueTicking {
  const [ticks, setTicks] = useState<Ticks>({ A: [], B: [] });

  const toggle = useCallback(
    (side: Side, key: string) => {
      if (busy) return;
      setTicks((t) => {
        const on = t[side].includes(key) ? t[side].filter((k) => k !== key) : [...t[side], key];
        return { ...t, [side]: issues.map((i) => i.key).filter((k) => on.includes(k)) };
      });
    },
    [issues, busy],
  );

  useShiftShortcuts((code) => {
    const hit = issueAtKey(code, issues.length);
    const issue = hit && issues[hit.index];
    if (!hit || !issue) return false;
    if (keysEnabled && !busy) {
      const wasTicked = ticks[hit.side].includes(issue.key);
      toggle(hit.side, issue.key);
      onKeyToggle(`${hit.side}: ${issue.label} ${wasTicked ? "unmarked" : "marked"}.`);
    }
    return true;
  });

  const forVote = useCallback(
    () => (ticks.A.length || ticks.B.length ? { left: ticks.A, right: ticks.B } : undefined),
    [ticks],
  );
  return { ticks, toggle, forVote };
}
