"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { joinStudy, signUpThroughInvite } from "@/lib/data/invitations";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { emailSchema, newPasswordSchema } from "@/lib/validation/auth";
import type { SignUpState } from "@/lib/validation/auth";

const signUpSchema = z.object({ email: emailSchema, password: newPasswordSchema });

/**
 * Creates the rater account, or does the same work and answers the same when the email has one:
 * the form then signs in with these credentials, which only the account's owner can, and joins.
 */
export async function signUpAction(token: string, _state: SignUpState, form: FormData): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message };
  const address = clientAddressFromHeaders(await headers());
  const result = await signUpThroughInvite(token, parsed.data.email, parsed.data.password, address);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

export async function joinAction(token: string): Promise<{ message: string }> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/join/${token}`)}`);
  const result = await joinStudy(token, user);
  if (!result.ok) return { message: result.message };
  redirect(`/studies/${result.studyId}/rate`);
}
