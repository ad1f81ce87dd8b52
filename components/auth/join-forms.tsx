"use client";

import { signIn } from "next-auth/react";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SignUpState } from "@/lib/validation/auth";

type SignUpAction = (state: SignUpState, form: FormData) => Promise<SignUpState>;
type JoinAction = () => Promise<{ message: string }>;

export type JoinSignUpFormProps = { signUp: SignUpAction; join: JoinAction };

// Sign-up answers alike for new and existing emails; only signing in tells them apart, to the owner.
const NOT_SIGNED_IN = "Could not sign you in. If you already have an account with this email, sign in with that account's password instead.";
const SIGN_IN_LIMITED = "Too many sign-in attempts. Wait a few minutes, then try again.";

/** Sign up, sign in with the same credentials, then join the link's study (join() redirects there). */
export function JoinSignUpForm({ signUp, join }: JoinSignUpFormProps) {
  const [state, formAction, pending] = useActionState(async (previous: SignUpState, form: FormData): Promise<SignUpState> => {
    const signedUp = await signUp(previous, form);
    if (!signedUp.ok) return signedUp;
    const signedIn = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    if (!signedIn?.ok || signedIn.error) return { ok: false, message: signedIn?.error === "RateLimited" ? SIGN_IN_LIMITED : NOT_SIGNED_IN };
    return { ok: false, message: (await join()).message };
  }, { ok: false });

  return (
    <form action={formAction} className="space-y-4">
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <NewPasswordField />
      {state.message && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}

export function NewPasswordField() {
  return (
    <div>
      <label htmlFor="password" className="mb-1 block text-sm font-medium">Choose a password (10+ characters)</label>
      <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
    </div>
  );
}

export function JoinButton({ action, label = "Join study" }: { action: JoinAction; label?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form action={async () => setMessage((await action()).message)}>
      <Button type="submit" className="w-full">{label}</Button>
      {message && <p role="alert" className="mt-3 text-sm text-red-700">{message}</p>}
    </form>
  );
}
