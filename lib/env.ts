// The app's configuration: the only module that reads process.env. Parsed on first use,
// so a missing or malformed variable fails at start-up with a message that names it.
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    // The address the server listens on (scripts/serve.ts): this machine only unless told otherwise.
    HOST: z.string().min(1).default("127.0.0.1"),
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(12),
    // Applied at server start; set to 0 when migrations run as a separate deploy step.
    PAIRWISE_RUN_MIGRATIONS: z.enum(["0", "1"]).default("1"),
    // The tables' owner, for those migrations, when DATABASE_URL is a role with data rights only.
    DATABASE_MIGRATION_URL: z.string().url({ message: "DATABASE_MIGRATION_URL must be a postgresql:// URL" }).optional(),
    // A read replica (hot standby) for the researcher-facing reads that may lag: results and exports.
    DATABASE_REPLICA_URL: z.string().url({ message: "DATABASE_REPLICA_URL must be a postgresql:// URL" }).optional(),
    // Upload limits (bytes, data rows) and the identity-leak phrases screened at upload (comma-separated).
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
    UPLOAD_MAX_ROWS: z.coerce.number().int().positive().default(100_000),
    LEAK_PHRASES: z.string().optional(),
    // Sign-in rate limits: failed attempts per account and per client address within the window.
    SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
    SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    // Turns off caches and fast paths (comma-separated names, or "all"): see lib/machinery.ts.
    PAIRWISE_MACHINERY_OFF: z.string().default(""),
    // Optional first admin, created at start if no user has this email yet.
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must be at least 10 characters").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message:
          "NEXTAUTH_SECRET is required in production: set it to a random string of 32+ characters (e.g. `openssl rand -base64 32`). `npm start` makes one for you.",
      });
    }
  });

export type Env = z.infer<typeof schema>;

// A fixed secret is fine outside production: it only signs local development sessions.
const DEV_SECRET = "pairwise-development-secret-not-for-production-use";

let cached: Env | undefined;

/** Validates a set of variables; throws one error that names every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEV_SECRET;
}

/**
 * The release this server runs: set at build time (next.config.ts: package.json's version and the git
 * commit); null outside a build (tests, scripts), where the caller falls back to package.json.
 */
export function buildVersion(): string | null {
  return process.env.PAIRWISE_APP_VERSION || null;
}
