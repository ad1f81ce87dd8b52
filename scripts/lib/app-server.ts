// Starts and stops a production `next start` for tests and benchmarks, and waits for health.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "./server-node-options";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export type AppServer = { baseUrl: string; process: ChildProcess; stop(): Promise<void> };

export async function waitForHealth(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs} ms`);
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

// PAIRWISE_SERVER_NODE_ARGS: extra node flags for the servers scripts start, e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under a benchmark's load.
function extraNodeArgs(): string[] {
  return (process.env.PAIRWISE_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
}

/** `next start` on the given port; the caller supplies DATABASE_URL and secrets in env. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const baseUrl = `http://localhost:${port}`;
  // Signal the node process itself: npm would not pass SIGTERM on to it.
  const child = spawn(process.execPath, [...extraNodeArgs(), NEXT_BIN, "start", "-p", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions() },
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`next start exited early with code ${code}`))),
  );
  await Promise.race([waitForHealth(baseUrl), exited]);
  return { baseUrl, process: child, stop: () => stopProcess(child) };
}
