// Reads and validates a JSON request body against a zod schema, answering 400/422 in the API's error shape.
import type { z } from "zod";
import { apiError } from "./api-error";

export type Parsed<T> = { data: T; error?: never } | { data?: never; error: Response };

/** zod issues as the API reports them: a dotted path and a message. */
export function issueList(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { error: apiError(400, "invalid_json", "The request body must be JSON.") };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = issueList(parsed.error);
    return { error: apiError(422, "invalid_body", issues[0]?.message ?? "Invalid request.", issues) };
  }
  return { data: parsed.data };
}
