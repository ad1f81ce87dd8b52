// The study's information and consent page, shown before the first pair when the study has one.
// Accepting records it (POST /api/studies/{id}/consent) and reloads the page into rating; declining
// records nothing and says how to leave (crowd participants: return the study on their platform).
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MarkdownTree } from "@/lib/markdown/tree";
import { MarkdownAnswer } from "./markdown-answer";

/** `text`: the study's consent page as parsed Markdown. */
export type ConsentScreenProps = { studyId: string; text: MarkdownTree; crowd: boolean };

export function ConsentScreen({ studyId, text, crowd }: ConsentScreenProps) {
  const router = useRouter();
  const [declined, setDeclined] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/studies/${encodeURIComponent(studyId)}/consent`, {
        method: "POST", headers: { "content-type": "application/json" }, body: "{}",
      });
      if (res.ok) return router.refresh();
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? "Your answer could not be saved. Try again.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setBusy(false);
  }

  if (declined) return <Declined crowd={crowd} onReconsider={() => setDeclined(false)} />;
  return (
    <Card padding="p-4 sm:p-6" className="mx-auto max-w-3xl">
      <h2 className="text-xl font-semibold">Information and consent</h2>
      <p className="mt-1 text-sm text-slate-600">Please read this before you start. Nothing is rated until you agree.</p>
      <section aria-label="Study information" className="mt-4 border-t border-slate-200 pt-4">
        <MarkdownAnswer tree={text} />
      </section>
      {error && <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      <div className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row">
        <Button onClick={accept} disabled={busy} className="py-3 sm:py-2">I agree, start rating</Button>
        <Button variant="secondary" onClick={() => setDeclined(true)} disabled={busy} className="py-3 sm:py-2">I do not agree</Button>
      </div>
    </Card>
  );
}

function Declined({ crowd, onReconsider }: { crowd: boolean; onReconsider: () => void }) {
  return (
    <Card role="status" padding="p-4 sm:p-6" className="mx-auto max-w-3xl">
      <h2 className="text-xl font-semibold">You did not agree to take part</h2>
      <p className="mt-2 text-slate-700">You have not rated anything in this study. You can close this page now.</p>
      {crowd && (
        <p className="mt-2 text-slate-700">
          If you came from a study platform such as Prolific, please <strong>return the study</strong> there so that your place goes to someone else.
        </p>
      )}
      <Button variant="ghost" className="mt-4 underline" onClick={onReconsider}>Read the information again</Button>
    </Card>
  );
}
