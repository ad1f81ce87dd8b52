// The rater's own progress in one line: the pair they are on, the pairs and time left for them.
import type { Progress } from "@/lib/rating/types";
import { judgedLabel, pairLabel, timeLeft } from "./rating-text";

export type ProgressSummaryProps = { progress: Progress; finished: boolean };

export function ProgressSummary({ progress, finished }: ProgressSummaryProps) {
  const judged = progress.judgedByYou;
  const total = Math.max(progress.yourQuota ?? judged + progress.leftForYou, judged, 1);
  const time = finished ? null : timeLeft(progress);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <p>
        <strong className="font-semibold text-slate-900">{finished ? judgedLabel(judged) : pairLabel(progress, " · ")}</strong>
        {time && <span> · {time}</span>}
      </p>
      <progress
        aria-label="Your progress"
        aria-valuetext={`${judgedLabel(judged)} of ${finished ? judged : `about ${total}`}`}
        value={finished ? total : judged}
        max={total}
        className="h-1.5 w-24 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
      />
    </div>
  );
}
