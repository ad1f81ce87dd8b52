import { describe, expect, it } from "vitest";
import { findPgTool, libpqConnection } from "./pg-tools";

describe("libpqConnection", () => {
  it("moves the password into PGPASSWORD and drops parameters libpq would refuse", () => {
    const { dbname, env } = libpqConnection("postgresql://owner:s%40cret@db.example:5433/pairwise?schema=public&sslmode=require&connection_limit=5");
    expect(dbname).toBe("postgresql://owner@db.example:5433/pairwise?sslmode=require");
    expect(env).toEqual({ PGPASSWORD: "s@cret" });
  });

  it("sets no password when the URL has none", () => {
    expect(libpqConnection("postgresql://postgres@127.0.0.1:5432/postgres").env).toEqual({});
  });
});

describe("findPgTool", () => {
  it("says what to install when no program of that major version exists", () => {
    expect(() => findPgTool("pg_dump", 99)).toThrow(/no pg_dump of PostgreSQL 99 found.*apt-get install postgresql-client-99.*PAIRWISE_PG_BIN/);
  });
});
