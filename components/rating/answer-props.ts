// What one answer of a pair is drawn with, shared by the pair (pair-view.tsx) and a conversation's turns
// around it (conversation-pair.tsx), which the pair loads lazily: a module of its own, so neither imports the other.
import type { ReactNode } from "react";
import type { ServedAnswer } from "@/lib/rating/types";
import type { Side } from "./use-pair-readiness";

export type SeenTracking = {
  seen: Record<Side, boolean>;
  onSeen: (side: Side) => void;
  /** Px at the bottom of the viewport covered by the sticky vote bar: an end behind it is not seen. */
  bottomInset: number;
};

export type AnswerProps = {
  side: Side;
  answer: ServedAnswer;
  tracking?: SeenTracking;
  /** Shown inside the answer, before its text (a conversation's earlier turns behind the phone's switch). */
  before?: ReactNode;
  after?: ReactNode;
  /** As a tab panel on narrow screens: its id, tab and visibility. */
  id?: string;
  labelledBy?: string;
  hidden?: boolean;
};
