"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { joinStudy, signUpThroughInvite } from "@/lib/data/invitations";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";

export type SignUpState = { ok: boolean; message?: string; studyId?: string };

const signUpSchema = z.object({ email: emailSchema, password: newPasswordSchema });

/** Creates the rater account; the form then signs in with the same credentials. */
export async function signUpAction(token: string, _state: SignUpState, form: FormData): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message };
  const result = await signUpThroughInvite(token, parsed.data.email, parsed.data.password);
  return result.ok ? { ok: true, studyId: result.studyId } : { ok: false, message: result.message };
}

export async function joinAction(token: string): Promise<{ message: string }> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/join/${token}`)}`);
  const result = await joinStudy(token, user);
  if (!result.ok) return { message: result.message };
  redirect(`/studies/${result.studyId}/rate`);
}
