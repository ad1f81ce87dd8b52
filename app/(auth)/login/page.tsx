import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/home-path";
// A crafted link must not bounce a rater to another site after sign-in.
import { sameOriginPath } from "@/lib/http/same-origin-path";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const user = await currentUser();
  if (user) redirect(homePathFor(user.role));
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-3xl font-semibold tracking-tight text-brand-700">Pairwise</h1>
        <p className="mb-8 text-center text-sm text-slate-600">Blind pairwise evaluation of model outputs</p>
        <LoginForm callbackUrl={sameOriginPath(callbackUrl)} />
      </div>
    </main>
  );
}
