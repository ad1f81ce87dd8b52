import type { Metadata } from "next";
import Link from "next/link";
import { JoinButton, JoinSignUpForm } from "@/components/auth/join-forms";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/current-user";
import { findInvitedStudy } from "@/lib/data/invitations";
import { joinAction, signUpAction } from "./actions";

export const metadata: Metadata = { title: "Join a study" };

type JoinPageProps = { params: Promise<{ token: string }> };

// Public page behind the invitation link: shows only the study's name and description.
export default async function JoinPage({ params }: JoinPageProps) {
  const { token } = await params;
  const [study, user] = await Promise.all([findInvitedStudy(token), currentUser()]);
  const open = study && study.status !== "CLOSED";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-brand-700">Pairwise</p>
        <Card>
          {!open ? (
            <h1 className="text-lg font-semibold">This invitation link is not valid (any more).</h1>
          ) : (
            <>
              <h1 className="text-xl font-semibold">Join “{study.name}”</h1>
              {study.description && <p className="mt-1 text-sm text-slate-600">{study.description}</p>}
              <p className="mt-3 mb-5 text-sm text-slate-600">You will compare pairs of anonymous answers and pick the better one.</p>
              {user?.role === "RATER" && <JoinButton action={joinAction.bind(null, token)} />}
              {user && user.role !== "RATER" && (
                <p className="text-sm text-slate-700">You are signed in as {user.role.toLowerCase()}. Raters join with a rater account.</p>
              )}
              {!user && (
                <>
                  <JoinSignUpForm signUp={signUpAction.bind(null, token)} join={joinAction.bind(null, token)} />
                  <p className="mt-4 text-center text-sm text-slate-600">
                    If you already have an account, <Link className="text-brand-700 underline" href={`/login?callbackUrl=${encodeURIComponent(`/join/${token}`)}`}>sign in</Link> instead.
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
