import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { ConsentScreen } from "@/components/rating/consent-screen";
import { RatingApp } from "@/components/rating/rating-app";
import { WithdrawControl } from "@/components/rating/withdraw-control";
import { Card } from "@/components/ui/card";
import { requireRole, Role } from "@/lib/auth/guards";
import { pendingConsent } from "@/lib/data/consent";
import { findRaterStudy, raterProgress } from "@/lib/data/study-access";
import { parseMarkdown } from "@/lib/markdown/parse";

export const metadata: Metadata = { title: "Rate answers" };

type RatePageProps = { params: Promise<{ id: string }> };

// The blind voting page: members of the study only; others get the same 404 as for a missing study.
// No loading.tsx here: a streamed loading shell would send 200 before the guard could answer 403/404.
export default async function RatePage({ params }: RatePageProps) {
  const user = await requireRole(Role.RATER);
  const { id } = await params;
  const study = await findRaterStudy(id, user.id);
  if (!study) notFound();
  if (study.status !== "OPEN") {
    return (
      <AppShell user={user} title={study.name}>
        <Card role="status">
          <p>{study.status === "DRAFT" ? "This study is not open for voting yet." : "This study is closed. Thank you for taking part."}</p>
          <Link href="/rate" className="mt-4 inline-block font-medium text-brand-700 underline">Back to your studies</Link>
        </Card>
        <WithdrawControl studyId={study.id} studyName={study.name} />
      </AppShell>
    );
  }
  // The study's consent page first, when it has one this rater has not accepted (crowd entry lands here too).
  const consent = await pendingConsent(study.id, user.id);
  if (consent) {
    return (
      <AppShell user={user} title={study.name}>
        <ConsentScreen studyId={study.id} text={parseMarkdown(consent.text)} crowd={user.email === null} />
      </AppShell>
    );
  }
  const progress = await raterProgress(study.id, user.id);
  return (
    <AppShell user={user} title={study.name} compact>
      <RatingApp studyId={study.id} guidelines={parseMarkdown(study.guidelines)} progress={progress} />
      <WithdrawControl studyId={study.id} studyName={study.name} />
    </AppShell>
  );
}
