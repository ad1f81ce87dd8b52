// The warning on a study's admin and pairs pages while any of its answers is flagged as possibly
// naming its author (flagged and not cleared): raters who see it are no longer blind.
import type { StudyStatus } from "@/lib/generated/prisma/enums";

/** `reviewHref`: where the flags are reviewed; `pairsHref`: the pairs page listing those pairs, to exclude them (once the study has opened). */
export type LeakWarningProps = { outputs: number; pairs: number; status: StudyStatus; reviewHref?: string; pairsHref?: string };

export function LeakWarning({ outputs, pairs, status, reviewHref, pairsHref }: LeakWarningProps) {
  if (outputs === 0) return null;
  const advice = status === "DRAFT"
    ? "Review each flag: clear false alarms, or create the study again with those prompts excluded."
    : "Raters of this study may see who wrote them. Review each flag: clearing a false alarm removes it from this count; excluding a pair stops serving it and leaves it out of the figures.";
  return (
    <div role="region" aria-label="Identity leak warning" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">
        {outputs} {outputs === 1 ? "answer" : "answers"} in {pairs} {pairs === 1 ? "pair" : "pairs"} may reveal {outputs === 1 ? "its" : "their"} author.
      </p>
      <p className="mt-1">
        {advice}
        {reviewHref && <> <a href={reviewHref} className="font-medium underline">Review the flags</a>.</>}
        {pairsHref && status !== "DRAFT" && <> <a href={pairsHref} className="font-medium underline">See those pairs to exclude them</a>.</>}
      </p>
    </div>
  );
}
