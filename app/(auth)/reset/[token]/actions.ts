"use server";

import { z } from "zod";
import { resetPassword } from "@/lib/data/password-resets";
import { newPasswordSchema, type ResetPasswordState } from "@/lib/validation/auth";
import { resetLinkMessage } from "./messages";

const resetSchema = z.object({ password: newPasswordSchema });

/** Sets the password through the link (once); the account's sessions end with it. */
export async function resetPasswordAction(token: string, _state: ResetPasswordState, form: FormData): Promise<ResetPasswordState> {
  const parsed = resetSchema.safeParse({ password: form.get("password") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message };
  const result = await resetPassword(token, parsed.data.password);
  return result.ok ? { ok: true } : { ok: false, message: resetLinkMessage(result.state).title };
}
