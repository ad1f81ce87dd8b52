import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">Your account&apos;s role does not give access to this page.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
