import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Withdrawn" };

type WithdrawnPageProps = { searchParams: Promise<{ votes?: string }> };

// Where a rater lands after withdrawing (public: a crowd participant's session ended with it).
export default async function WithdrawnPage({ searchParams }: WithdrawnPageProps) {
  const votes = Number.parseInt((await searchParams).votes ?? "", 10);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div role="status" className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-xl font-semibold">You have withdrawn from the study</h1>
        <p className="text-sm text-slate-700">
          {Number.isSafeInteger(votes) && votes >= 0
            ? `${votes} ${votes === 1 ? "vote was" : "votes were"} deleted and the results no longer count ${votes === 1 ? "it" : "them"}.`
            : "Your votes were deleted and the results no longer count them."}{" "}
          Thank you for the time you gave.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 underline">Home</Link>
      </div>
    </main>
  );
}
