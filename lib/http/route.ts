// Wraps route handlers so that every failure answers in the API's JSON error shape: 503 with
// Retry-After while the database is unreachable, 500 otherwise, never a stack trace.
import { apiError } from "./api-error";

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

export function errorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    const res = apiError(503, "db_unavailable", "The database is not reachable right now. Try again in a few seconds.");
    res.headers.set("retry-after", "5");
    return res;
  }
  console.error("[pairwise] unhandled error in a route handler:", error);
  return apiError(500, "internal", "Something went wrong on the server. It has been logged.");
}

// Next passes (request, context); the wrapper keeps both types as the handler declares them.
export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      // Next's own control flow (redirect(), notFound(), forbidden()) travels as thrown errors.
      if (error && typeof error === "object" && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) throw error;
      return errorResponse(error);
    }
  };
}
