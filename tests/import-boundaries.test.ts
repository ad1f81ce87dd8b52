// Dependencies run one way: browser code reaches no server-only module, production code nothing of the
// demo, only lib/data the database, and the pure folders nothing impure (rules in tests/import-graph.ts).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientLeaks, folderViolations, readGraph, specifiersOf, type Graph, type SourceFile } from "./import-graph";

const ROOT = path.resolve(import.meta.dirname, "..");
const file = (p: string, imports: string[], extra: Partial<SourceFile> = {}): [string, SourceFile] => [
  p,
  { path: p, imports, client: false, serverOnly: false, ...extra },
];

describe("the rules, on made-up graphs", () => {
  it("finds a client component reaching the data layer through a client-safe module, even for a type", () => {
    const graph: Graph = new Map([
      file("components/x.tsx", ["lib/format.ts"], { client: true }),
      file("lib/format.ts", ["lib/data/users.ts"]),
      file("lib/data/users.ts", ["lib/db.ts"], { serverOnly: true }),
    ]);
    expect(clientLeaks(graph)).toEqual(["components/x.tsx → lib/format.ts → lib/data/users.ts (imports server-only)"]);
  });

  it("lets a client component import types, schemas and enums", () => {
    const graph: Graph = new Map([
      file("components/x.tsx", ["lib/rating/types.ts", "lib/generated/prisma/enums.ts"], { client: true }),
      file("lib/rating/types.ts", []),
    ]);
    expect(clientLeaks(graph)).toEqual([]);
  });

  it("flags the demo, the database outside lib/data and impure pure folders", () => {
    const graph: Graph = new Map([
      file("lib/data/uploads.ts", ["lib/demo/seed-demo.ts"]),
      file("app/api/x/route.ts", ["lib/db.ts"]),
      file("lib/stats/x.ts", ["lib/data/votes.ts"]),
    ]);
    expect(folderViolations(graph)).toHaveLength(3);
  });

  it("reads every kind of import statement", () => {
    const code = `import "server-only";\nimport type { A } from "@/lib/a";\nexport { b } from "./b";\nconst c = await import("@/lib/c");\nimport {\n  d,\n} from "@/lib/d";`;
    expect(specifiersOf(code)).toEqual(["server-only", "@/lib/a", "./b", "@/lib/c", "@/lib/d"]);
  });
});

describe("this codebase", () => {
  const graph = readGraph(ROOT);

  it("reads the source (sanity: client components and the data layer are found)", () => {
    expect([...graph.values()].filter((f) => f.client).length).toBeGreaterThan(20);
    expect(graph.get("lib/data/votes.ts")?.serverOnly).toBe(true);
  });

  it("no client component reaches a server-only module, the data layer, app/ or the demo", () => {
    expect(clientLeaks(graph)).toEqual([]);
  });

  it("imports keep to the folder rules", () => {
    expect(folderViolations(graph)).toEqual([]);
  });
});
