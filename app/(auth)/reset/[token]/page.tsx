import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card } from "@/components/ui/card";
import { passwordResetState } from "@/lib/data/password-resets";
import { resetPasswordAction } from "./actions";
import { resetLinkMessage } from "./messages";

export const metadata: Metadata = { title: "Set a new password" };

type ResetPageProps = { params: Promise<{ token: string }> };

// Public page behind an admin-made reset link: a new password for the account the link is for. It
// shows no email, so a link says nothing about which accounts exist.
export default async function ResetPage({ params }: ResetPageProps) {
  const { token } = await params;
  const state = await passwordResetState(token);
  const problem = state === "valid" ? null : resetLinkMessage(state);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-brand-700">Pairwise</p>
        <Card>
          {problem ? (
            <>
              <h1 className="text-lg font-semibold">{problem.title}</h1>
              <p className="mt-2 text-sm text-slate-600">{problem.detail}</p>
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold">Set a new password</h1>
              <p className="mt-1 mb-5 text-sm text-slate-600">This link works once. Setting a password signs your account out everywhere.</p>
              <ResetPasswordForm reset={resetPasswordAction.bind(null, token)} />
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
