// What happened to the rater's last vote: "Recorded: B is better on pair 9" with Undo (button and U)
// while the server's undo window is open, the server's answer when it refuses, or that it was undone.
"use client";

import { useEffect, useState } from "react";
import { useShortcuts } from "./shortcuts";
import type { VoteNotice } from "./use-rating";

// A confirmation without undo stays this long, so it can be read.
const READ_MS = 5_000;

export type VoteConfirmationProps = { notice: VoteNotice; busy: boolean; onUndo: () => void; onExpire: () => void };

export function VoteConfirmation({ notice, busy, onUndo, onExpire }: VoteConfirmationProps) {
  const [now, setNow] = useState(() => Date.now());
  const [shownAt] = useState(() => Date.now());
  const undoUntil = notice.kind === "recorded" ? notice.undoUntil : null;
  const secondsLeft = undoUntil === null ? 0 : Math.ceil((undoUntil - now) / 1000);
  const canUndo = secondsLeft > 0;

  // Ticks while the undo window is open; the recorded note goes once the window and READ_MS have passed.
  useEffect(() => {
    if (notice.kind !== "recorded") return;
    const endsAt = Math.max(undoUntil ?? 0, shownAt + READ_MS);
    const timer = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= endsAt) onExpire();
    }, 250);
    return () => window.clearInterval(timer);
  }, [notice.kind, undoUntil, shownAt, onExpire]);

  useShortcuts((key) => {
    if (key !== "u" || !canUndo) return false;
    if (!busy) onUndo();
    return true;
  });

  if (notice.kind === "undone") {
    return (
      <p role="group" aria-label="Your last vote" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Vote undone on pair {notice.pairNumber} (it was “{notice.judged}”). Choose again.
      </p>
    );
  }
  return (
    <div role="group" aria-label="Your last vote" className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-md bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900">
      <p>
        <span aria-hidden="true">✓ </span>
        Recorded: <strong>{notice.judged}</strong> on pair {notice.pairNumber}
      </p>
      {canUndo && (
        <button
          type="button"
          data-undo=""
          onClick={onUndo}
          disabled={busy}
          aria-label="Undo"
          aria-keyshortcuts="U"
          className="inline-flex min-h-9 items-center gap-2 rounded-md border border-emerald-700/40 bg-white px-3 text-sm font-medium text-emerald-900 hover:bg-emerald-100 disabled:opacity-60"
        >
          Undo
          <span className="text-xs tabular-nums text-emerald-800">
            {/* Phones have no U key to show. */}
            <kbd className="hidden font-mono sm:inline" aria-hidden="true">U · </kbd>
            {secondsLeft} s
          </span>
        </button>
      )}
      {notice.refusal && <p className="w-full text-red-800">Not undone: {notice.refusal}</p>}
    </div>
  );
}
