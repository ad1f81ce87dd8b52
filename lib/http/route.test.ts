import { describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable, route } from "./route";

describe("route()", () => {
  it("passes successful responses through", async () => {
    const handler = route(async (n: number) => Response.json({ n }));
    expect(await (await handler(2)).json()).toEqual({ n: 2 });
  });

  it("answers 500 in the API's error shape, without the message or stack of the error", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await route(async () => {
      throw new Error("secret internal detail at /srv/app.ts:12");
    })();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Something went wrong on the server. It has been logged." } });
    expect(text).not.toContain("secret");
    spy.mockRestore();
  });

  it("answers 503 with Retry-After when PostgreSQL is unreachable", async () => {
    const res = await route(async () => {
      throw Object.assign(new Error("Invalid invocation"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
    })();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await res.json()).error.code).toBe("db_unavailable");
  });
});

describe("isDatabaseUnavailable", () => {
  it("recognises Prisma's and PostgreSQL's outage errors, not ordinary ones", () => {
    expect(isDatabaseUnavailable({ code: "P1001" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
