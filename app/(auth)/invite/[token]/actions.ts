"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/current-user";
import { acceptEmailInvite, signUpThroughEmailInvite } from "@/lib/data/invitations";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { newPasswordSchema } from "@/lib/validation/auth";
import type { InviteSignUpState } from "@/lib/validation/auth";

const inviteSignUpSchema = z.object({ password: newPasswordSchema });

/** Creates the invited email's rater account and uses the invitation up; the form then signs in. */
export async function inviteSignUpAction(token: string, _state: InviteSignUpState, form: FormData): Promise<InviteSignUpState> {
  const parsed = inviteSignUpSchema.safeParse({ password: form.get("password") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message };
  const address = clientAddressFromHeaders(await headers());
  const result = await signUpThroughEmailInvite(token, parsed.data.password, address);
  return result.ok ? { ok: true, studyId: result.studyId, email: result.email } : { ok: false, message: result.message };
}

/** A signed-in rater accepts the invitation for their current account. */
export async function acceptInviteAction(token: string): Promise<{ message: string }> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  const result = await acceptEmailInvite(token, user);
  if (!result.ok) return { message: result.message };
  redirect(`/studies/${result.studyId}/rate`);
}
