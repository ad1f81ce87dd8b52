// The access table (e2e/fixtures/access-table.ts) is walked for every role by e2e/access.spec.ts and
// printed in docs/security.md. A page or route handler missing from it would never be walked: this
// test fails on one, and on a docs table that no longer matches it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_TABLE, type Entry } from "@/e2e/fixtures/access-table";

const APP = join(__dirname, "..", "app");

// Reached only with a secret in the link, each with its own row in docs/security.md; and Auth.js's own endpoints.
const OUTSIDE_THE_TABLE = new Set(["/crowd/[token]", "/invite/[token]", "/join/[token]", "/reset/[token]", "/api/auth/[...nextauth]"]);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesNamed(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : []);
}

/** The URL path of an app file: route groups dropped, dynamic segments kept as written. */
function urlPath(file: string): string {
  const dir = relative(APP, file).split("/").slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${dir.join("/")}`;
}

/** Whether the table's concrete path (a study's {id}, "no-such-user"…) is an instance of the file's path. */
function matches(entry: Entry, path: string): boolean {
  const pattern = path.split("/").map((s) => (/^\[.*\]$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/");
  return new RegExp(`^${pattern}$`).test(entry.path.replace(/\?.*$/, ""));
}

const handlers = filesNamed(APP, "route.ts").flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|DELETE)\b/g)].map((m) => ({ method: m[1]!, path: urlPath(file) })));
const pages = filesNamed(APP, "page.tsx").map((file) => ({ method: "GET", path: urlPath(file) }));

describe("the access table", () => {
  it("lists every page and route handler of the app, method by method", () => {
    expect(handlers.length).toBeGreaterThan(30);
    const missing = [...handlers, ...pages]
      .filter((h) => !OUTSIDE_THE_TABLE.has(h.path))
      .filter((h) => !ACCESS_TABLE.some((e) => e.method === h.method && matches(e, h.path)))
      .map((h) => `${h.method} ${h.path}`);
    expect(missing).toEqual([]);
  });

  it("is the table docs/security.md prints, row by row", () => {
    const who = (e: Entry) =>
      e.allowed.length === 4 ? "everyone"
        : e.allowed.length === 3 && !e.allowed.includes("ANONYMOUS") ? "any signed-in user"
          : e.allowed.map((r) => r.toLowerCase()).join(", ");
    const docs = readFileSync(join(__dirname, "..", "docs", "security.md"), "utf8");
    const printed = [...docs.matchAll(/^\| `((?:GET|POST|PUT|DELETE) [^`]+)` \| ([^|]+) \| ([^|]*) \|$/gm)].map((m) => `${m[1]} | ${m[2]!.trim()} | ${m[3]!.trim()}`);
    expect(printed).toEqual(ACCESS_TABLE.map((e) => `${e.method} ${e.path} | ${who(e)} | ${e.note ?? ""}`));
  });
});
