"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type CrowdEntryProps = { token: string; participantId: string; studyId: string };

// Signs the participant in without a password as soon as the page loads, then opens the study.
export function CrowdEntry({ token, participantId, studyId }: CrowdEntryProps) {
  const router = useRouter();
  const started = useRef(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn("crowd", { token, participantId, redirect: false }).then((result) => {
      if (result?.ok && !result.error) router.replace(`/studies/${studyId}/rate`);
      else setFailed(true);
    });
  }, [token, participantId, studyId, router]);

  return failed
    ? <p role="alert" className="text-sm text-red-700">This study link could not start a session. Check the link with the study&apos;s organisers.</p>
    : <p role="status" className="text-sm text-slate-600">Starting your session…</p>;
}
