// /api/health must say the database is down (503), not hang or crash, when PostgreSQL is unreachable.
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/scripts/lib/postgres";

describe("GET /api/health with no database", () => {
  beforeAll(async () => {
    // A port nobody listens on; set before lib/env and lib/db are first imported in this file's worker.
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/nothing`;
  });

  it("answers 503 with db down", async () => {
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "down" });
  });
});
