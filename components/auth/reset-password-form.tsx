"use client";

import Link from "next/link";
import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/join-forms";
import { Button } from "@/components/ui/button";
import type { ResetPasswordState } from "@/lib/validation/auth";

type ResetAction = (state: ResetPasswordState, form: FormData) => Promise<ResetPasswordState>;

export type ResetPasswordFormProps = { reset: ResetAction };

/** The new password for a reset link; on success, the way to sign in with it. */
export function ResetPasswordForm({ reset }: ResetPasswordFormProps) {
  const [state, formAction, pending] = useActionState(reset, { ok: false });
  if (state.ok) {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium">Your password is set.</p>
        <p className="text-sm text-slate-600">You were signed out everywhere. Sign in with your email and the new password.</p>
        <Link href="/login" className="inline-block font-medium text-brand-700 underline">Sign in</Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <NewPasswordField />
      {state.message && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Saving…" : "Set password"}</Button>
    </form>
  );
}
