"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CrowdEntryState } from "@/lib/validation/auth";

export type CrowdEntryProps = { token: string; participantId: string; studyId: string; enter: () => Promise<CrowdEntryState> };

type Failure = "invalid" | "elsewhere" | "limited";

const MESSAGES: Record<Failure, string> = {
  invalid: "This study link could not start a session. Check the link with the study's organisers.",
  elsewhere: "This participant id has already started the study in another browser. Return to that browser to continue, or contact the researcher.",
  limited: "Too many attempts from this network or for this participant; try again in 15 minutes.",
};

// As soon as the page loads: enter (rater and secret cookie), sign in without a password, open the study.
export function CrowdEntry({ token, participantId, studyId, enter }: CrowdEntryProps) {
  const router = useRouter();
  const started = useRef(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const entry = await enter();
      if (!entry.ok) return setFailure(entry.reason);
      const result = await signIn("crowd", { token, participantId, redirect: false });
      if (result?.ok && !result.error) router.replace(`/studies/${studyId}/rate`);
      else setFailure("invalid");
    })();
  }, [token, participantId, studyId, enter, router]);

  return failure
    ? <p role="alert" className="text-sm text-red-700">{MESSAGES[failure]}</p>
    : <p role="status" className="text-sm text-slate-600">Starting your session…</p>;
}
