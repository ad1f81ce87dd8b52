// Reads and validates a JSON request body against a zod schema, answering 400/413/422 in the API's error shape.
import type { z } from "zod";
import { apiError } from "./api-error";
import { readBodyCapped } from "./read-body";
import { hasUnstorableText } from "./request-guard";

export type Parsed<T> = { data: T; error?: never } | { data?: never; error: Response };

// Every JSON body the API takes is a small form; uploads and judge files have their own limits.
export const JSON_MAX_BYTES = 1024 * 1024;

/** zod issues as the API reports them: a dotted path and a message. */
export function issueList(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/** The dotted path of the first string (or key) holding a NUL, which PostgreSQL cannot store. */
function unstorablePath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return hasUnstorableText(value) ? path.join(".") || "(body)" : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (hasUnstorableText(key)) return [...path, "(key)"].join(".");
    const found = unstorablePath(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  const raw = await readBodyCapped(request, JSON_MAX_BYTES);
  if (raw.error) return { error: raw.error };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw.bytes));
  } catch {
    return { error: apiError(400, "invalid_json", "The request body must be JSON (UTF-8).") };
  }
  const nul = unstorablePath(body);
  if (nul !== null) {
    return { error: apiError(400, "invalid_text", `${nul}: text may not contain a NUL character.`, [{ path: nul, message: "contains a NUL character" }]) };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = issueList(parsed.error);
    return { error: apiError(422, "invalid_body", issues[0]?.message ?? "Invalid request.", issues) };
  }
  return { data: parsed.data };
}
