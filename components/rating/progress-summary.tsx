// How far this rater and the whole study have come.
import type { Progress } from "@/lib/data/study-access";

export function ProgressSummary({ progress }: { progress: Progress }) {
  const { judgedByYou, studyVotes, studyVotesWanted } = progress;
  const percent = studyVotesWanted > 0 ? Math.min(100, Math.round((studyVotes / studyVotesWanted) * 100)) : 0;
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-600 sm:flex-row sm:items-center sm:gap-4">
      <p>
        You have judged <strong className="text-slate-900">{judgedByYou}</strong> {judgedByYou === 1 ? "pair" : "pairs"}.
      </p>
      <div className="flex items-center gap-2">
        <span id="study-progress-label">Study progress</span>
        <progress
          aria-labelledby="study-progress-label"
          aria-valuetext={`${studyVotes} of ${studyVotesWanted} votes (${percent}%)`}
          value={studyVotes}
          max={Math.max(studyVotesWanted, 1)}
          className="h-2 w-32 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
        />
        <span>{studyVotes} / {studyVotesWanted} votes</span>
      </div>
    </div>
  );
}
