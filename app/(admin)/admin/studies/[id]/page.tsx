import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { AuditTrail } from "@/components/admin/audit-trail";
import { CopyLink } from "@/components/admin/copy-link";
import { InviteList } from "@/components/admin/invite-list";
import { LeakReviewList } from "@/components/admin/leak-review-list";
import { StudyStatusBadge } from "@/components/admin/study-status-badge";
import { LeakWarning } from "@/components/admin/leak-warning";
import { ParticipantSettings } from "@/components/admin/participant-settings";
import { AddRatersForm, InviteLink, StudyActions } from "@/components/admin/study-actions";
import { WithdrawRater } from "@/components/admin/withdraw-rater";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { listAudit } from "@/lib/data/audit";
import { listFlaggedOutputs, studyLeakCounts } from "@/lib/data/leak-review";
import { getStudyForAdmin, type StudyForAdmin } from "@/lib/data/study-detail";
import { studyStopStatus } from "@/lib/data/study-stop";
import { StoppingNote } from "@/components/results/stopping-note";
import type { PairSamplingRule } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Study" };

const AUDIT_SHOWN = 100;

type StudyPageProps = { params: Promise<{ id: string }> };

function Count({ label, value }: { label: string; value: string | number }) {
  return (
    <div><dt className="text-xs text-slate-500">{label}</dt><dd className="text-xl font-semibold tabular-nums">{value}</dd></div>
  );
}

function undoText(study: { undoSeconds: number; revealAfterVote: boolean }): string {
  if (study.undoSeconds === 0) return "off";
  return study.revealAfterVote ? "off (models are revealed after each vote)" : `last vote, for ${study.undoSeconds} s`;
}

function leftOutText(study: { excludedLeakPairs: number | null; excludedDegeneratePairs: number | null }): string {
  const leaks = study.excludedLeakPairs === null ? "self-references kept" : `${study.excludedLeakPairs} pairs with a self-reference`;
  const same = study.excludedDegeneratePairs === null ? "identical or empty answers kept" : `${study.excludedDegeneratePairs} with identical or empty answers`;
  return `${leaks}; ${same}`;
}

function adaptiveText(study: { adaptiveVotes: boolean; votesPerPair: number }): string {
  return study.adaptiveVotes ? `on: a pair stops at a settled majority of its ${study.votesPerPair} votes` : "off";
}

const SAMPLING_RULE_TEXT: Record<PairSamplingRule, string> = {
  ARENA: "drawn with Chatbot Arena's rule to decide every comparison",
  VARIANCE: "drawn by vote variance to narrow the widest interval",
};

function samplingText(study: { pairsPerPrompt: number | null; pairSamplingRule: PairSamplingRule; samplingPrompts: number; openedPrompts: number; models: unknown[] }): string {
  if (study.pairsPerPrompt === null) return "every model pair of every prompt";
  const modelPairs = (study.models.length * (study.models.length - 1)) / 2;
  return `about ${study.pairsPerPrompt} of ${modelPairs} model pairs per prompt, ${SAMPLING_RULE_TEXT[study.pairSamplingRule]}; ` +
    `${study.openedPrompts.toLocaleString("en-US")} of ${study.samplingPrompts.toLocaleString("en-US")} prompts opened`;
}

function stoppingText(study: { stopLevel: number | null; voteBudget: number | null }): string {
  const parts = [
    study.stopLevel !== null ? `when decided at level ${study.stopLevel}` : null,
    study.voteBudget !== null ? `at ${study.voteBudget.toLocaleString("en-US")} votes` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("; or ") : "never early";
}

function turnsText(turns: number[]): string {
  if (!turns.length) return "as a whole";
  return `turn by turn: ${turns.length === 1 ? "turn" : "turns"} ${turns.join(", ")}`;
}

// The criteria raters judge each pair on, the primary first and marked; none: one overall choice.
function Criteria({ criteria }: { criteria: StudyForAdmin["criteria"] }) {
  if (criteria.length === 0) return <div><dt className="text-slate-500">Criteria</dt><dd>one overall choice</dd></div>;
  return (
    <div className="sm:col-span-3">
      <dt className="text-slate-500">Criteria raters judge each pair on</dt>
      <dd>
        <ol aria-label="Criteria" className="mt-1 list-decimal space-y-0.5 pl-5">
          {criteria.map((c, i) => (
            <li key={c.key}>
              <span className="font-medium">{c.label}</span>
              {i === 0 && <> <span className="ml-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs">primary</span></>}
              {c.question && <span className="text-slate-600"> — {c.question}</span>}
            </li>
          ))}
        </ol>
      </dd>
    </div>
  );
}

export default async function StudyAdminPage({ params }: StudyPageProps) {
  const user = await requireRole(Role.ADMIN);
  const { id } = await params;
  const [study, leaks, flagged, audit, stopping] = await Promise.all([
    getStudyForAdmin(id), studyLeakCounts(id), listFlaggedOutputs({ studyId: id }), listAudit(id, AUDIT_SHOWN), studyStopStatus(id),
  ]);
  if (!study) notFound();
  const progress = study.votesWanted ? Math.round((study.votes / study.votesWanted) * 100) : 0;
  return (
    <AppShell user={user} title={study.name}>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <StudyStatusBadge status={study.status} />
        <span className="text-sm text-slate-600">{study.models.join(" vs ")}</span>
        <Link href={`/studies/${study.id}/results`} className="text-sm text-brand-700 underline">Results</Link>
        <Link href={`/admin/studies/${study.id}/pairs`} className="text-sm text-brand-700 underline">Pairs: gold answers and exclusions</Link>
        <a href={`/api/studies/${study.id}/archive`} className="text-sm text-brand-700 underline" download>Archive (JSON Lines)</a>
      </div>
      <LeakWarning outputs={leaks.outputs} pairs={leaks.pairs} status={study.status} reviewHref="#flagged-answers"
        pairsHref={`/admin/studies/${study.id}/pairs?show=leaks`} />
      {stopping && <div className="mb-6"><StoppingNote sequential={stopping} /></div>}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <h2 className="mb-3 text-lg font-semibold">Progress</h2>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Count label="Pairs" value={study.pairs} />
            <Count label="Votes" value={`${study.votes} / ${study.votesWanted}`} />
            <Count label="Pairs complete" value={study.pairsComplete} />
            <Count label="Raters" value={study.members.length} />
          </dl>
          <div role="progressbar" aria-label="Votes toward the wanted total" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}
            className="mt-4 h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-brand-600" style={{ width: `${progress}%` }} />
          </div>
          <div className="mt-6"><StudyActions studyId={study.id} studyName={study.name} status={study.status} pairs={study.pairs} flaggedPairs={leaks.pairs} /></div>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Raters</h2>
          <p className="mb-1 text-sm text-slate-600">Invitation link (anyone who holds it can sign up and join this study):</p>
          <InviteLink token={study.inviteToken} />
          <div className="mt-4"><AddRatersForm studyId={study.id} /></div>
          <ul aria-label="Members" className="mt-4 space-y-1 text-sm">
            {study.members.map((m) => (
              <li key={m.user.pseudonym} className="flex flex-wrap items-baseline justify-between gap-x-2">
                <span className="[overflow-wrap:anywhere]">{m.user.email ?? m.user.pseudonym}</span>
                <WithdrawRater studyId={study.id} pseudonym={m.user.pseudonym} shownAs={m.user.email ?? m.user.pseudonym} />
              </li>
            ))}
          </ul>
          {study.invites.length > 0 && (
            <InviteList studyId={study.id} invites={study.invites.map((i) => ({ email: i.email, state: i.state, expiresAt: i.expiresAt?.toISOString() ?? null }))} />
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">Settings</h2>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">Votes per pair</dt><dd>{study.votesPerPair}</dd></div>
          <div><dt className="text-slate-500">Choices</dt><dd>A, B{study.allowTie ? ", tie" : ""}{study.allowBothBad ? ", both bad" : ""}</dd></div>
          <div><dt className="text-slate-500">Rationale</dt><dd>{study.rationale.toLowerCase()}</dd></div>
          <div><dt className="text-slate-500">Sample</dt><dd>{study.sampleSize ? `${study.sampleSize} prompts, seed ${study.seed}` : "all common prompts"}</dd></div>
          <div><dt className="text-slate-500">Fast-vote flag</dt><dd>{study.minSecondsPerPair ? `< ${study.minSecondsPerPair} s` : "off"}</dd></div>
          <div><dt className="text-slate-500">Completion code</dt><dd>{study.completionCode ?? "none"}{study.completionUrl ? " (with redirect URL)" : ""}</dd></div>
          <div><dt className="text-slate-500">Votes needed for the code</dt><dd>{study.minVotesForCompletion}</dd></div>
          <div><dt className="text-slate-500">Votes per rater</dt><dd>{study.maxVotesPerRater ?? "no limit"}</dd></div>
          <div><dt className="text-slate-500">Votes ignored after a pair appears</dt><dd>{study.voteSettleMs ? `first ${study.voteSettleMs} ms` : "none"}</dd></div>
          <div><dt className="text-slate-500">Both answers seen before a vote</dt><dd>{study.requireSeenBoth ? "required" : "not required"}</dd></div>
          <div><dt className="text-slate-500">Undo</dt><dd>{undoText(study)}</dd></div>
          <div><dt className="text-slate-500">Issues raters may mark</dt><dd>{study.issues.length ? study.issues.map((i) => i.label).join("; ") : "none asked"}</dd></div>
          <div><dt className="text-slate-500">Left out at creation</dt><dd>{leftOutText(study)}</dd></div>
          <div><dt className="text-slate-500">Gold pairs</dt><dd>{study.goldPairs} marked, drawn {Math.round(study.goldRate * 100)}% of the time</dd></div>
          <Criteria criteria={study.criteria} />
          <div><dt className="text-slate-500">Adaptive votes</dt><dd>{adaptiveText(study)}</dd></div>
          {study.models.length >= 3 && <div><dt className="text-slate-500">Model pairs</dt><dd>{samplingText(study)}</dd></div>}
          <div><dt className="text-slate-500">Stopping</dt><dd>{stoppingText(study)}</dd></div>
          <div><dt className="text-slate-500">Conversations judged</dt><dd>{turnsText(study.judgedTurns)}{study.showSystemPrompt ? "; system prompt shown" : ""}</dd></div>
          <div className="sm:col-span-3">
            <dt className="text-slate-500">Crowd entry</dt>
            {study.crowdEnabled ? (
              <dd>
                <CopyLink path={`/crowd/${study.crowdToken}`} label="Crowd link" />
                <p className="mt-1 text-xs text-slate-500">The platform appends ?{study.crowdIdParam}=… to it. A participant resumes only in the browser they started in.</p>
              </dd>
            ) : <dd>off</dd>}
          </div>
        </dl>
      </Card>
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">Participants: consent and screen-out</h2>
        <ParticipantSettings studyId={study.id} editable={study.status !== "CLOSED"} consentText={study.consentText}
          screenOutCode={study.screenOutCode} screenOutUrl={study.screenOutUrl} />
      </Card>
      {flagged.length > 0 && (
        <Card className="mt-6">
          <h2 id="flagged-answers" className="mb-3 text-lg font-semibold">Answers that may reveal their author</h2>
          <LeakReviewList outputs={flagged} />
        </Card>
      )}
      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold">Flagged pairs</h2>
        {study.flags.length === 0 ? <p className="text-sm text-slate-600">No rater has flagged a pair.</p> : (
          <>
            <ul className="space-y-2 text-sm">
              {study.flags.map((f, i) => (
                <li key={i}><span className="font-medium">{f.reason || "(no reason)"}</span> — {f.rater}: <span className="text-slate-600">{f.instruction.slice(0, 140)}</span></li>
              ))}
            </ul>
            <p className="mt-3 text-sm">
              <Link href={`/admin/studies/${study.id}/pairs?show=flagged`} className="font-medium text-brand-700 underline">See the flagged pairs</Link>
              {" "}with their answers, to exclude a pair that cannot be judged fairly.
            </p>
          </>
        )}
      </Card>
      <Card className="mt-6">
        <h2 id="audit-trail" className="mb-3 text-lg font-semibold">Audit trail</h2>
        <AuditTrail entries={audit} limit={AUDIT_SHOWN} />
      </Card>
    </AppShell>
  );
}
