import type { Metadata } from "next";
import Link from "next/link";
import { JoinButton } from "@/components/auth/join-forms";
import { InviteSignUpForm } from "@/components/auth/invite-sign-up-form";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/current-user";
import { findEmailInvite } from "@/lib/data/invitations";
import { acceptInviteAction, inviteSignUpAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

type InvitePageProps = { params: Promise<{ token: string }> };

// Public page behind one person's invitation link: the study's name and description, never its models.
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const [invite, user] = await Promise.all([findEmailInvite(token), currentUser()]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-brand-700">Pairwise</p>
        <Card>
          {!invite ? (
            <>
              <h1 className="text-lg font-semibold">This invitation link is not valid (any more).</h1>
              <p className="mt-2 text-sm text-slate-600">Each invitation link works once and expires after 14 days. Ask the researcher who invited you for a new one.</p>
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold">Join “{invite.study.name}”</h1>
              {invite.study.description && <p className="mt-1 text-sm text-slate-600">{invite.study.description}</p>}
              <p className="mt-3 mb-5 text-sm text-slate-600">
                This invitation is for <strong>{invite.email}</strong>. You will compare pairs of anonymous answers and pick the better one.
              </p>
              {user?.role === "RATER" && (
                <>
                  <p className="mb-3 text-sm text-slate-700">You are signed in{user.email ? ` as ${user.email}` : ""}: accepting adds this account to the study.</p>
                  <JoinButton action={acceptInviteAction.bind(null, token)} label="Accept invitation" />
                </>
              )}
              {user && user.role !== "RATER" && (
                <p className="text-sm text-slate-700">You are signed in as {user.role.toLowerCase()}. Raters join with a rater account.</p>
              )}
              {!user && (
                <>
                  <InviteSignUpForm email={invite.email} signUp={inviteSignUpAction.bind(null, token)} />
                  <p className="mt-4 text-center text-sm text-slate-600">
                    If you already have an account, <Link className="text-brand-700 underline" href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>sign in</Link> instead, then accept.
                  </p>
                </>
              )}
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
