"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { NewPasswordField } from "@/components/auth/join-forms";
import { Button } from "@/components/ui/button";
import type { InviteSignUpState } from "@/lib/validation/auth";

type InviteSignUpAction = (state: InviteSignUpState, form: FormData) => Promise<InviteSignUpState>;

export type InviteSignUpFormProps = { email: string; signUp: InviteSignUpAction };

const NOT_SIGNED_IN = "Your account was made and joined the study, but signing in failed. Sign in with your email and new password.";

/** The invited email's account, with a password of the person's choice; then sign in and open the study. */
export function InviteSignUpForm({ email, signUp }: InviteSignUpFormProps) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (previous: InviteSignUpState, form: FormData): Promise<InviteSignUpState> => {
    const created = await signUp(previous, form);
    if (!created.ok || !created.email) return created;
    const signedIn = await signIn("credentials", { email: created.email, password: String(form.get("password")), redirect: false });
    if (!signedIn?.ok || signedIn.error) return { ok: false, message: NOT_SIGNED_IN };
    router.replace(`/studies/${created.studyId}/rate`);
    return created;
  }, { ok: false });

  return (
    <form action={formAction} className="space-y-4">
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">Email</label>
        {/* Fixed by the invitation; a real field so that password managers store it with the password. */}
        <input id="email" name="email" type="email" autoComplete="username" value={email} readOnly className="w-full rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" />
      </div>
      <NewPasswordField />
      {state.message && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <Button type="submit" className="w-full" disabled={pending || state.ok}>{pending || state.ok ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}
