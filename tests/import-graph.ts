// The app's import graph, read from the source (app/, components/, lib/, proxy.ts), and the rules on
// which way imports may run. Used by tests/import-boundaries.test.ts; type-only imports count too,
// since a type that lives in a server-only file pulls that file into a client component's imports.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type SourceFile = { path: string; imports: string[]; client: boolean; serverOnly: boolean };
export type Graph = Map<string, SourceFile>;

const SOURCE_ROOTS = ["app", "components", "lib", "proxy.ts"];
const SKIP = /(^|\/)(generated|node_modules)\/|\.test\.tsx?$/;
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** Every module specifier a file names (static, re-export, dynamic and side-effect imports). */
export function specifiersOf(code: string): string[] {
  return [...code.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** A specifier as a path from the repository root, or null for a package. */
export function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return base;
}

function sourceFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full) || SKIP.test(entry)) return [];
  if (statSync(full).isFile()) return /\.tsx?$/.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => sourceFiles(root, path.join(entry, name)));
}

export function readGraph(root: string): Graph {
  const graph: Graph = new Map();
  for (const file of SOURCE_ROOTS.flatMap((entry) => sourceFiles(root, entry))) {
    const code = readFileSync(path.join(root, file), "utf8");
    const specifiers = specifiersOf(code);
    graph.set(file, {
      path: file,
      imports: specifiers.map((s) => resolveSpecifier(root, file, s)).filter((p): p is string => p !== null),
      client: /^\s*["']use client["']/.test(code.replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, "")),
      serverOnly: specifiers.includes("server-only"),
    });
  }
  return graph;
}

/** Why the browser must not load a file, or null when it may. */
export function serverSide(file: SourceFile | undefined, filePath: string): string | null {
  if (file?.serverOnly) return "imports server-only";
  if (filePath === "lib/db.ts" || filePath.startsWith("lib/data/")) return "is the data layer";
  if (filePath.startsWith("lib/demo/")) return "is the demo";
  if (filePath.startsWith("app/") && !file?.client) return "is a server file of app/";
  if (filePath.startsWith("lib/generated/prisma/") && filePath !== "lib/generated/prisma/enums.ts") return "is Prisma's client";
  return null;
}

/** Chains from a "use client" module to a server-side file, e.g. "components/a.tsx → lib/b.ts → lib/data/c.ts (is the data layer)". */
export function clientLeaks(graph: Graph): string[] {
  const leaks: string[] = [];
  for (const start of [...graph.values()].filter((f) => f.client)) {
    const seen = new Set([start.path]);
    const queue: string[][] = [[start.path]];
    while (queue.length) {
      const chain = queue.shift()!;
      for (const next of graph.get(chain.at(-1)!)?.imports ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        const why = serverSide(graph.get(next), next);
        if (why) leaks.push(`${[...chain, next].join(" → ")} (${why})`);
        else queue.push([...chain, next]);
      }
    }
  }
  return leaks;
}

/** Imports that break a folder rule: "from → to (rule)". */
export function folderViolations(graph: Graph): string[] {
  const found: string[] = [];
  for (const file of graph.values()) {
    for (const to of file.imports) {
      const rule = folderRule(file.path, to);
      if (rule) found.push(`${file.path} → ${to} (${rule})`);
    }
  }
  return found;
}

const PURE = ["lib/stats/", "lib/ingest/", "lib/validation/", "lib/exports/", "lib/rating/", "lib/markdown/"];

function folderRule(from: string, to: string): string | null {
  if (to.startsWith("lib/demo/") && !from.startsWith("lib/demo/")) return "production code imports nothing from the demo";
  if (to === "lib/db.ts" && !from.startsWith("lib/data/") && !from.startsWith("lib/demo/")) return "only lib/data (and the demo's seeding) touch the database";
  if (PURE.some((p) => from.startsWith(p)) && !PURE.some((p) => to.startsWith(p))) return "lib/stats, lib/ingest, lib/validation, lib/exports, lib/rating and lib/markdown stay pure";
  if (from.startsWith("lib/") && (to.startsWith("app/") || to.startsWith("components/"))) return "lib never imports app or components";
  if (from.startsWith("components/") && to.startsWith("app/")) return "components never import app";
  return null;
}
