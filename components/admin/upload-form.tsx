"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/admin/confirm-dialog";
import { Button } from "@/components/ui/button";
import type { ImportSummary } from "@/lib/admin/types";
import { uploadFormSchema } from "@/lib/validation/upload";
import { UploadSummary } from "./upload-summary";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; percent: number }
  | { name: "importing" }
  | { name: "done"; summary?: ImportSummary; message?: string }
  | { name: "failed"; errors: string[] };

type UploadResponse = { status?: string; summary?: ImportSummary; message?: string; error?: { message: string; issues?: unknown } };

// XMLHttpRequest rather than fetch: it reports upload progress, which matters for 50 MB files.
function send(form: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: UploadResponse }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) as UploadResponse });
      } catch {
        reject(new Error(`The server answered ${xhr.status} without details.`));
      }
    };
    xhr.onerror = () => reject(new Error("The upload failed: network error."));
    xhr.send(form);
  });
}

function errorsOf(body: UploadResponse): string[] {
  const issues = body.error?.issues;
  if (Array.isArray(issues) && issues.every((i) => typeof i === "string")) return issues as string[];
  if (Array.isArray(issues)) return (issues as { message?: string }[]).map((i) => i.message ?? String(i));
  return [body.error?.message ?? "The file was not imported."];
}

const input = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export type UploadFormProps = { maxBytes: number };

// maxBytes is the server's limit: a larger file is refused here, before minutes of sending end in a 413.
export function UploadForm({ maxBytes }: UploadFormProps) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });

  const [confirming, setConfirming] = useState<{ form: FormData; file: string } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setPhase({ name: "failed", errors: ["Choose a non-empty file to upload."] });
    if (file.size > maxBytes) {
      return setPhase({ name: "failed", errors: [`${file.name} is ${megabytes(file.size)}; this server accepts files up to ${megabytes(maxBytes)} (UPLOAD_MAX_BYTES). Nothing was sent.`] });
    }
    const fields = uploadFormSchema.safeParse(Object.fromEntries([...form.entries()].filter(([k]) => k !== "file")));
    if (!fields.success) return setPhase({ name: "failed", errors: fields.error.issues.map((i) => i.message) });
    // Replacing overwrites stored answers for good: ask first.
    if (fields.data.replace) return setConfirming({ form, file: file.name });
    void upload(form);
  }

  async function upload(form: FormData) {
    setConfirming(null);
    setPhase({ name: "uploading", percent: 0 });
    try {
      const { status, body } = await send(form, (percent) =>
        setPhase(percent < 100 ? { name: "uploading", percent } : { name: "importing" }));
      if (status >= 400) return setPhase({ name: "failed", errors: errorsOf(body) });
      setPhase({ name: "done", summary: body.summary, message: body.message });
      router.refresh();
    } catch (error) {
      setPhase({ name: "failed", errors: [(error as Error).message] });
    }
  }

  const busy = phase.name === "uploading" || phase.name === "importing";
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor="file" className="mb-1 block text-sm font-medium">Model outputs file</label>
          <input id="file" name="file" type="file" accept=".json,.jsonl,.csv,application/json,text/csv" className={input} />
          <p className="mt-1 text-xs text-slate-500">AlpacaEval model_outputs.json, Alpaca-style JSON or JSONL (instruction, input, output), CSV with a header, Self-Instruct predictions or prompt sets, chat conversations (JSONL with messages), MT-Bench question.jsonl and model answers (questions first).</p>
        </div>
        <div>
          <label htmlFor="modelName" className="mb-1 block text-sm font-medium">Model name (if the file does not name it)</label>
          <input id="modelName" name="modelName" className={input} />
        </div>
        <div>
          <label htmlFor="outputField" className="mb-1 block text-sm font-medium">Field holding the output (if not &quot;output&quot;)</label>
          <input id="outputField" name="outputField" placeholder="e.g. response" className={input} />
        </div>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="replace" /> Replace existing outputs of the same model</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="allowEmptyOutputs" /> Accept empty outputs</label>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={busy}>{busy ? "Uploading…" : "Upload"}</Button>
        </div>
      </form>
      {phase.name === "uploading" && (
        <div>
          <div role="progressbar" aria-label="Upload progress" aria-valuenow={phase.percent} aria-valuemin={0} aria-valuemax={100}
            className="h-2 w-full overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${phase.percent}%` }} />
          </div>
          <p className="mt-1 text-sm text-slate-600">Sending… {phase.percent}%</p>
        </div>
      )}
      {phase.name === "importing" && <p role="status" className="text-sm text-slate-600">Validating and importing every row…</p>}
      {phase.name === "failed" && (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Nothing was imported.</p>
          <ul className="mt-1 list-disc pl-5">{phase.errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </div>
      )}
      {phase.name === "done" && phase.message && <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{phase.message}</p>}
      {phase.name === "done" && phase.summary && <UploadSummary summary={phase.summary} />}
      <ConfirmDialog open={confirming !== null} title="Replace existing outputs?" confirmLabel="Replace outputs" destructive
        onConfirm={() => confirming && upload(confirming.form)} onCancel={() => setConfirming(null)}>
        <p>Answers in {confirming?.file ?? "this file"} to prompts its model already answered will overwrite the stored answers. The old texts are not kept, and their leak verdicts are reset.</p>
        <p>If an open or closed study uses any of them, nothing is imported.</p>
      </ConfirmDialog>
    </div>
  );
}
