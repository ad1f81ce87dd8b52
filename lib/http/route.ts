// Wraps every route handler: the request guards run first (./request-guard.ts: text in the URL,
// CSRF and body type for state-changing requests), and every failure answers in the API's JSON error
// shape: 400 for text PostgreSQL refused, 503 with Retry-After while the database is unreachable,
// 500 otherwise, never a stack trace.
import { env } from "@/lib/env";
import { apiError } from "./api-error";
import { crossSiteRefusal, invalidUrlRefusal, JSON_ONLY, type BodyTypes } from "./request-guard";

const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001"]);
const UNAVAILABLE_TEXT = /ECONNREFUSED|ECONNRESET|can't reach database|connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|database system is (starting up|shutting down)|server closed the connection/i;

/** True for errors that mean "PostgreSQL is not answering right now" (restart, outage, pool exhausted). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

// PostgreSQL's "character not in repertoire" / "untranslatable character": a NUL or broken text that
// a guard did not catch is the client's mistake, not the server's.
const INVALID_TEXT = /\b(22021|22P05)\b|invalid byte sequence for encoding|unsupported Unicode escape sequence/i;

function isInvalidText(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === "22021" || e.code === "22P05") return true;
  if (typeof e.message === "string" && INVALID_TEXT.test(e.message)) return true;
  return isInvalidText(e.cause, depth + 1);
}

export function errorResponse(error: unknown): Response {
  if (isInvalidText(error)) return apiError(400, "invalid_text", "The request holds text that cannot be stored (e.g. a NUL character).");
  if (isDatabaseUnavailable(error)) {
    const res = apiError(503, "db_unavailable", "The database is not reachable right now. Try again in a few seconds.");
    res.headers.set("retry-after", "5");
    return res;
  }
  console.error("[pairwise] unhandled error in a route handler:", error);
  return apiError(500, "internal", "Something went wrong on the server. It has been logged.");
}

// Next passes (request, context); the wrapper keeps both types as the handler declares them.
// `accepts`: the body types of a state-changing request (JSON unless the route takes files).
export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>, accepts: BodyTypes = JSON_ONLY) {
  return async (...args: Args): Promise<Response> => {
    try {
      const request = args[0];
      if (request instanceof Request) {
        const refusal = invalidUrlRefusal(new URL(request.url)) ?? crossSiteRefusal(request, () => env().NEXTAUTH_URL, accepts);
        if (refusal) return refusal;
      }
      return await handler(...args);
    } catch (error) {
      // Next's own control flow (redirect(), notFound(), forbidden()) travels as thrown errors.
      if (error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) throw error;
      return errorResponse(error);
    }
  };
}
