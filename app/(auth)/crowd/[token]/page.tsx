import type { Metadata } from "next";
import { CrowdEntry } from "@/components/auth/crowd-entry";
import { Card } from "@/components/ui/card";
import { findCrowdStudy } from "@/lib/data/crowd";
import { participantIdSchema } from "@/lib/validation/study";
import { enterCrowdAction } from "./actions";

export const metadata: Metadata = { title: "Study" };

type CrowdPageProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Crowd link: /crowd/{crowdToken}?PROLIFIC_PID=…&STUDY_ID=…&SESSION_ID=… (the id parameter's name is a study
// setting). docs/crowd-platforms.md describes the flow, and why participants return in the same browser.
export default async function CrowdPage({ params, searchParams }: CrowdPageProps) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const study = await findCrowdStudy(token);
  const pid = study ? participantIdSchema.safeParse(query[study.crowdIdParam]) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-md">
        <h1 className="mb-3 text-xl font-semibold">{study ? study.name : "Study link not valid"}</h1>
        {!study && <p className="text-sm text-slate-600">This study is not open for participants (any more).</p>}
        {study && pid && !pid.success && (
          <p role="alert" className="text-sm text-red-700">The link lacks your participant id ({study.crowdIdParam}). Open the study from your crowd platform again.</p>
        )}
        {study && pid?.success && (
          <CrowdEntry token={token} participantId={pid.data} studyId={study.id} enter={enterCrowdAction.bind(null, token, pid.data)} />
        )}
      </Card>
    </main>
  );
}
