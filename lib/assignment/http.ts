// The rater API's edges: request bodies checked by the shared zod schemas, answers never cached.
import type { z } from "zod";
import { apiError } from "@/lib/http/api-error";
import { isRaterError, type RaterError } from "./rater-error";

/** The parsed body, or the 400/422 response to return as is. */
export async function readBody<S extends z.ZodType>(
  request: Request, schema: S,
): Promise<{ data: z.output<S>; error?: never } | { data?: never; error: Response }> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { error: apiError(400, "invalid_json", "The request body must be JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return { error: apiError(422, "invalid_body", issues[0]?.message ?? "Invalid request.", issues) };
  }
  return { data: parsed.data };
}

/** A data-layer answer as JSON: errors in the API's error shape, anything else with status 200. */
export function raterResponse(result: object | RaterError): Response {
  if (isRaterError(result)) return apiError(result.status, result.code, result.message);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
