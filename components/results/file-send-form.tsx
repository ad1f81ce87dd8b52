"use client";
// The dashboard's form that sends one file to a study's import route (a judge's annotations, an external
// panel's judgments) and says what came of it: the route's summary, or its refusal with each problem.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";

type SendState = { status: "idle" | "sending" | "done" | "error"; message: string; errors: string[] };
type Reply<R> = { run?: R; error?: { message: string; issues?: string[] } };

export type FileSendFormProps<R> = {
  /** The route the file is POSTed to as the "file" field of a multipart form. */
  url: string;
  label: string;
  accept: string;
  button: string;
  /** While sending ("Importing…") and when the route failed without a message ("Import failed"). */
  sending: string;
  failed: string;
  /** What to say of the route's `run` once it answered 2xx. */
  done: (run: R) => string;
  onDone: () => void;
};

export function FileSendForm<R>({ url, label, accept, button, sending, failed, done, onDone }: FileSendFormProps<R>) {
  const [state, setState] = useState<SendState>({ status: "idle", message: "", errors: [] });
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ status: "sending", message: sending, errors: [] });
    const response = await fetch(url, { method: "POST", body: form });
    const body = (await response.json().catch(() => ({}))) as Reply<R>;
    if (response.ok && body.run) {
      setState({ status: "done", message: done(body.run), errors: [] });
      onDone();
    } else {
      setState({ status: "error", message: body.error?.message ?? `${failed} (HTTP ${response.status}).`, errors: Array.isArray(body.error?.issues) ? body.error.issues : [] });
    }
  }
  return (
    <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4">
      <label className="text-sm">
        <span className="block font-medium">{label}</span>
        <input name="file" type="file" accept={accept} required className="mt-1 block text-sm" />
      </label>
      <Button type="submit" variant="secondary" disabled={state.status === "sending"}>{button}</Button>
      {state.message && (
        <div role={state.status === "error" ? "alert" : "status"} className={`w-full text-sm ${state.status === "error" ? "text-red-700" : "text-slate-700"}`}>
          {state.message}
          {state.errors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {state.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
