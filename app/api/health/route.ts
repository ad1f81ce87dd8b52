import { databaseAnswers } from "@/lib/data/health";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

// Liveness plus a real round trip to PostgreSQL; 503 when the database does not answer.
export async function GET() {
  const up = await databaseAnswers(TIMEOUT_MS);
  return Response.json({ ok: up, db: up ? "up" : "down" }, { status: up ? 200 : 503, headers: { "cache-control": "no-store" } });
}
