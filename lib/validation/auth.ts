// Sign-in and account schemas, shared by the login form, next-auth's authorize() and scripts.
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }));

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Password must be at most 200 characters");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const createAccountSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  role: z.enum(["ADMIN", "RESEARCHER", "RATER"], { error: "Choose a role" }),
});

export const deleteAccountSchema = z.object({ mode: z.enum(["keep-votes", "remove-votes"]) });

// What the sign-up and crowd-entry server actions answer their forms (the forms are client components).
export type SignUpState = { ok: boolean; message?: string };
export type InviteSignUpState = SignUpState & { studyId?: string; email?: string };
export type ResetPasswordState = SignUpState;
export type CrowdEntryState = { ok: true } | { ok: false; reason: "invalid" | "elsewhere" | "limited" };
