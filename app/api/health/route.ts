import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

// Liveness plus a real round trip to PostgreSQL; 503 when the database does not answer.
export async function GET() {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)),
    ]);
    return Response.json({ ok: true, db: "up" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ ok: false, db: "down" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
