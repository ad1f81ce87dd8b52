// The cheapest route of the server (no database, no session): the baseline for benchmarks.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
