// The study admin page's participant settings: the information and consent page raters accept before
// their first pair, and the screen-out code/URL; editable while the study is a draft or open.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { participantSettingsSchema } from "@/lib/validation/participants";
import { controlProps, Field, type FieldErrors, inputClass } from "./study-form/fields";

export type ParticipantSettingsProps = {
  studyId: string;
  editable: boolean;
  consentText: string;
  screenOutCode: string | null;
  screenOutUrl: string | null;
};

export function ParticipantSettings({ studyId, editable, consentText, screenOutCode, screenOutUrl }: ParticipantSettingsProps) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const parsed = participantSettingsSchema.safeParse({
      consentText: String(f.get("consentText") ?? ""), screenOutCode: f.get("screenOutCode"), screenOutUrl: f.get("screenOutUrl"),
    });
    setMessage(null);
    if (!parsed.success) {
      return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    }
    setErrors({});
    setPending(true);
    const res = await fetch(`/api/studies/${studyId}/participants`, {
      method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data),
    });
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setPending(false);
    setMessage(res.ok ? "Saved." : (body?.error?.message ?? "Could not save."));
    if (res.ok) router.refresh();
  }

  return (
    <form onSubmit={save} noValidate aria-label="Participant settings" className="grid gap-4 sm:grid-cols-2">
      <Field name="consentText" label="Information and consent page (markdown; empty = none)" errors={errors} className="sm:col-span-2"
        hint="Raters accept it before their first pair. Raters who accepted an earlier text are not asked again.">
        <textarea rows={6} className={inputClass} defaultValue={consentText} readOnly={!editable} {...controlProps("consentText", errors, true)} />
      </Field>
      <Field name="screenOutCode" label="Screen-out code" errors={errors}
        hint="For raters the pairs ran out for before they reached the votes needed for the completion code.">
        <input className={inputClass} defaultValue={screenOutCode ?? ""} readOnly={!editable} {...controlProps("screenOutCode", errors, true)} />
      </Field>
      <Field name="screenOutUrl" label="Screen-out redirect URL" errors={errors}>
        <input type="url" className={inputClass} defaultValue={screenOutUrl ?? ""} readOnly={!editable} {...controlProps("screenOutUrl", errors)} />
      </Field>
      {editable ? (
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save participant settings"}</Button>
          {message && <p role="status" className="text-sm text-slate-700">{message}</p>}
        </div>
      ) : <p className="text-sm text-slate-600 sm:col-span-2">The study is closed: these settings no longer change.</p>}
    </form>
  );
}
