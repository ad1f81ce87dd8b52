// Starts and stops the production server (scripts/serve.ts) for `npm start`, tests and benchmarks,
// and waits for health.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "./server-node-options";

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

/**
 * The command line of the production server: node with tsx's ESM loader for the one TypeScript entry
 * (Next's own modules load through require, untouched), the heap cap and any profiling flags.
 */
export function serverCommand(): { command: string; args: string[]; nodeOptions: string } {
  return { command: process.execPath, args: [...extraNodeArgs(), "--import", "tsx/esm", path.join("scripts", "serve.ts")], nodeOptions: serverNodeOptions() };
}

/** The production server on the given port; the caller supplies DATABASE_URL and secrets in env. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<AppServer> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const baseUrl = `http://localhost:${port}`;
  const { command, args, nodeOptions } = serverCommand();
  // Signal the node process itself: npm would not pass SIGTERM on to it.
  const child = spawn(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port), NODE_ENV: "production", NODE_OPTIONS: nodeOptions },
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the app server exited early with code ${code}`))),
  );
  await Promise.race([waitForHealth(baseUrl), exited]);
  return { baseUrl, process: child, stop: () => stopProcess(child) };
}
