// Reads and validates a JSON request body against a zod schema, answering 400/422 in the API's error shape.
import type { z } from "zod";
import { apiError } from "./api-error";

export type Parsed<T> = { data: T; error?: never } | { data?: never; error: Response };

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { error: apiError(400, "bad_json", "The request body must be JSON.") };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return { error: apiError(422, "invalid_fields", parsed.error.issues[0]?.message ?? "Some fields are not valid.", parsed.error.issues) };
  }
  return { data: parsed.data };
}
