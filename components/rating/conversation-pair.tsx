// A conversation pair (issue 21): the system prompt when the study shows it, the turns before the
// judged answers, then the judged turn, marked and named ("Judge the answers to turn 2 of 2"). On wide
// screens each turn is the user's message across both columns, then A | B; on a phone the earlier turns
// fold away (context), and the judged answers sit behind the A | B switch as single answers do. When the
// whole conversation is judged, every turn is judged: each side's switch panel holds its whole conversation.
"use client";

import type { ReactNode } from "react";
import type { ServedAnswer, ServedConversation, ServedTurn } from "@/lib/rating/types";
import { AnswerTabs } from "./answer-tabs";
import { MarkdownAnswer } from "./markdown-answer";
import type { AnswerProps } from "./answer-props";
import { judgedTurnLabel } from "./rating-text";
import type { Side } from "./use-pair-readiness";

export type ConversationPairProps = {
  conversation: ServedConversation;
  wide: boolean;
  seen?: Record<Side, boolean>;
  /** A judged answer as PairView shows it (read tracking, issue boxes). */
  answer: (side: Side, props?: Partial<AnswerProps>) => ReactNode;
};

const LABEL = "text-xs font-semibold uppercase tracking-wide text-slate-600";

export function ConversationPair({ conversation, wide, seen, answer }: ConversationPairProps) {
  const { earlier, turn } = conversation;
  // A one-turn conversation (shown for its system prompt) is judged as a single answer is.
  const whole = conversation.whole && conversation.turns > 1;
  const label = judgedTurnLabel(conversation);
  const judgedUser = <UserMessage text={conversation.user} turn={turn} muted={whole && !wide} />;
  const judgedAnswers = wide ? (
    <div className="grid grid-cols-2 gap-4">
      {answer("A")}
      {answer("B")}
    </div>
  ) : (
    <AnswerTabs
      seen={seen}
      noun={whole ? "Conversation" : "Answer"}
      renderPanel={(side, panel) => answer(side, { ...panel, before: whole ? <SideHistory turns={earlier} side={side} last={judgedUser} turn={turn} /> : undefined })}
    />
  );
  return (
    <>
      {conversation.system !== undefined && <SystemPrompt text={conversation.system} />}
      {whole ? (
        <section aria-labelledby="judged-heading" className="space-y-4">
          <JudgedHeading label={label} note={wide ? "Every turn is judged: compare the two conversations as a whole." : "Every turn is judged: read each conversation, A and B, to its end."} />
          {wide && earlier.map((t, i) => <TurnRow key={i} turn={t} number={i + 1} />)}
          {wide && judgedUser}
          {judgedAnswers}
        </section>
      ) : (
        <>
          {earlier.length > 0 && <EarlierTurns turns={earlier} wide={wide} />}
          <section aria-labelledby="judged-heading" className="space-y-3 border-t-4 border-brand-600 pt-3 md:rounded-lg md:border-4 md:p-4">
            <JudgedHeading label={label} note={earlier.length > 0 ? `Judge only the answers to turn ${turn}; the earlier turns are context.` : null} />
            {judgedUser}
            {judgedAnswers}
          </section>
        </>
      )}
    </>
  );
}

function JudgedHeading({ label, note }: { label: string; note: string | null }) {
  return (
    <div>
      <h2 id="judged-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
        <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Judged</span>
        {label}
      </h2>
      {note && <p className="mt-1 text-sm text-slate-600">{note}</p>}
    </div>
  );
}

function SystemPrompt({ text }: { text: string }) {
  return (
    <section aria-label="System prompt" className="rounded-lg border border-slate-200 bg-slate-100 p-3 text-sm text-slate-700">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-600">System prompt</h2>
      <p className="mt-1 whitespace-pre-wrap break-words">{text}</p>
    </section>
  );
}

/** The user's message of a turn: plain text, as written (prompts are not Markdown). */
function UserMessage({ text, turn, muted = false }: { text: string; turn: number; muted?: boolean }) {
  return (
    <div className={`rounded-lg border p-3 sm:p-4 ${muted ? "border-slate-200 bg-slate-100" : "border-slate-300 bg-white"}`}>
      <p className={LABEL}>User · turn {turn}</p>
      <p className={`mt-1 whitespace-pre-wrap break-words ${muted ? "text-sm" : "text-base"}`}>{text}</p>
    </div>
  );
}

/** Before the judged turn: folded on a phone (tap to read), open on wide screens; both can toggle. */
function EarlierTurns({ turns, wide }: { turns: ServedTurn[]; wide: boolean }) {
  const which = turns.length === 1 ? "Turn 1" : `Turns 1–${turns.length}`;
  return (
    <details open={wide} className="group rounded-lg border border-slate-200 bg-slate-50 text-slate-700">
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">▸</span>
        {which}: earlier in the conversation, not judged
        <span className="ml-auto text-xs font-normal text-brand-700 group-open:hidden">Show</span>
        <span className="ml-auto hidden text-xs font-normal text-brand-700 group-open:inline">Hide</span>
      </summary>
      <div className="space-y-4 px-3 pb-3">
        {turns.map((t, i) => <TurnRow key={i} turn={t} number={i + 1} muted />)}
      </div>
    </details>
  );
}

/** An earlier turn: the user's message, then A | B (stacked on a phone), or their one shared answer. */
function TurnRow({ turn, number, muted = false }: { turn: ServedTurn; number: number; muted?: boolean }) {
  return (
    <div className="space-y-2">
      <UserMessage text={turn.user} turn={number} muted={muted} />
      {"same" in turn ? (
        <TurnAnswer label="A and B (the same answer)" answer={turn.same} muted={muted} />
      ) : (
        <div className="grid gap-2 md:grid-cols-2 md:gap-4">
          <TurnAnswer label={`Answer A · turn ${number}`} answer={turn.left} muted={muted} />
          <TurnAnswer label={`Answer B · turn ${number}`} answer={turn.right} muted={muted} />
        </div>
      )}
    </div>
  );
}

function TurnAnswer({ label, answer, muted }: { label: string; answer: ServedAnswer; muted: boolean }) {
  return (
    <div className={`min-w-0 rounded-lg border p-3 sm:p-4 ${muted ? "border-slate-200 bg-white/70 text-sm" : "border-slate-200 bg-white"}`}>
      <p className={`mb-1 ${LABEL}`}>{label}</p>
      <MarkdownAnswer tree={answer.markdown} />
    </div>
  );
}

/**
 * On a phone, when the whole conversation is judged: one side's conversation up to its last answer,
 * the user's messages shaded and the side's answers as plain text, as the last one (the panel's own) is.
 */
function SideHistory({ turns, side, last, turn }: { turns: ServedTurn[]; side: Side; last: ReactNode; turn: number }) {
  return (
    <div className="mb-3 space-y-3">
      {turns.map((t, i) => (
        <div key={i} className="space-y-3">
          <UserMessage text={t.user} turn={i + 1} muted />
          <div>
            <p className={LABEL}>{"same" in t ? `${side} · turn ${i + 1} (the same in A and B)` : `${side} · turn ${i + 1}`}</p>
            <MarkdownAnswer tree={("same" in t ? t.same : side === "A" ? t.left : t.right).markdown} />
          </div>
        </div>
      ))}
      {last}
      <p className={LABEL}>{side} · turn {turn}</p>
    </div>
  );
}
