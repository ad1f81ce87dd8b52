"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SignUpState } from "@/app/(auth)/join/[token]/actions";

type SignUpAction = (state: SignUpState, form: FormData) => Promise<SignUpState>;

export function JoinSignUpForm({ action }: { action: SignUpAction }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state.ok || !state.studyId || !credentials.current) return;
    signIn("credentials", { ...credentials.current, redirect: false }).then(() => router.replace(`/studies/${state.studyId}/rate`));
  }, [state, router]);

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        const f = new FormData(e.currentTarget);
        credentials.current = { email: String(f.get("email")), password: String(f.get("password")) };
      }}
      className="space-y-4"
    >
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">Choose a password (10+ characters)</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      {state.message && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.message}</p>}
      <Button type="submit" className="w-full" disabled={pending || state.ok}>{pending || state.ok ? "Joining…" : "Create account and join"}</Button>
    </form>
  );
}

export function JoinButton({ action }: { action: () => Promise<{ message: string }> }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form action={async () => setMessage((await action()).message)}>
      <Button type="submit" className="w-full">Join study</Button>
      {message && <p role="alert" className="mt-3 text-sm text-red-700">{message}</p>}
    </form>
  );
}
