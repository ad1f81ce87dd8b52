// Small measuring helpers for the benchmark suite: the load child, process memory, SQL counters,
// and the raw PostgreSQL insert baseline.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Runs scripts/bench/load.mjs with the spec in a child process; resolves its JSON result. */
export function runLoad<T>(spec: Record<string, unknown>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pairwise-load-"));
  const file = path.join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/bench/load.mjs", file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    // "close", not "exit": only then has all of the child's stdout been read.
    child.once("close", (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`load child exited with ${code}`));
      // Rejecting (not throwing here) lets the caller's finally stop the app server.
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)!) as T);
      } catch (error) {
        reject(new Error(`load child printed no result line: ${String(error)}`));
      }
    });
  });
}

function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

export type ProcMemory = { pid: number; name: string; rssMb: number; hwmMb: number };

/** VmRSS/VmHWM of a process and all its descendants (`next start` runs the server in a child "next-server"). */
export function treeMemory(root: number): ProcMemory[] {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of pids) {
      const ppid = parentOf(pid);
      if (ppid !== null && tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree].flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      return [{ pid, name: cmd.slice(0, 60), rssMb: Math.round(kb("VmRSS") / 1024), hwmMb: Math.round(kb("VmHWM") / 1024) }];
    } catch {
      return [];
    }
  });
}

/**
 * Committed + rolled-back transactions of the database so far. Backends report their counters at most
 * once a second while busy and only ~10 s after going idle (PGSTAT_IDLE_INTERVAL), so wait past that;
 * a fresh connection each time, since a backend also reports when it exits.
 */
export async function xactCount(url: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 11_000));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

export type InsertBaseline = { singleRowsPerS: number; multiRowsPerS: number; singleN: number; multiN: number };

/** The database's own speed on this machine: single-row INSERTs (one commit each) and multi-row INSERTs. */
export async function rawInsertBaseline(url: string, seconds = 5): Promise<InsertBaseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_insert (id bigserial PRIMARY KEY, a text NOT NULL, b text NOT NULL, n int NOT NULL, t timestamp NOT NULL DEFAULT now())`);
    let singleN = 0;
    let start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      await client.query("INSERT INTO bench_insert (a, b, n) VALUES ($1, $2, $3)", [`a${singleN}`, "LEFT", singleN]);
      singleN++;
    }
    const singleS = (performance.now() - start) / 1000;
    const batch = 1_000;
    let multiN = 0;
    start = performance.now();
    while (performance.now() - start < seconds * 1000) {
      const ids = Array.from({ length: batch }, (_, i) => `m${multiN + i}`);
      await client.query("INSERT INTO bench_insert (a, b, n) SELECT x, 'RIGHT', 1 FROM unnest($1::text[]) x", [ids]);
      multiN += batch;
    }
    const multiS = (performance.now() - start) / 1000;
    await client.query("DROP TABLE bench_insert");
    return { singleRowsPerS: singleN / singleS, multiRowsPerS: multiN / multiS, singleN, multiN };
  } finally {
    await client.end();
  }
}

export function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  let uptime = "";
  try {
    uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    uptime = `load average: ${load}`;
  }
  return `${cpus.length} cores (${cpus[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `${(os.freemem() / 2 ** 30).toFixed(1)} GiB free; node ${process.version}; ${uptime}`;
}
