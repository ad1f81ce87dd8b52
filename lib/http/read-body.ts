// Request bodies read with a byte limit enforced while reading, whatever Content-Length says (or
// whether it is there at all): a chunked 50 MB body is cut off at the limit, not read whole first.
import { apiError } from "./api-error";

export type Body = { bytes: Uint8Array<ArrayBuffer>; error?: never } | { bytes?: never; error: Response };

function tooLarge(maxBytes: number): Response {
  const mb = maxBytes / 1024 / 1024;
  return apiError(413, "too_large", `The request body is larger than the limit of ${mb >= 1 ? `${Math.floor(mb)} MB` : `${Math.ceil(maxBytes / 1024)} KB`}.`);
}

export async function readBodyCapped(request: Request, maxBytes: number): Promise<Body> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return { error: tooLarge(maxBytes) };
  if (!request.body) return { bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // The server (scripts/serve.ts) closes the connection once this answer is sent.
      await reader.cancel().catch(() => {});
      return { error: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return { bytes: chunks[0]! };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** A multipart body read under the cap, then parsed (the parser needs the whole body). */
export async function readFormCapped(request: Request, maxBytes: number): Promise<{ form: FormData; error?: never } | { form?: never; error: Response }> {
  const body = await readBodyCapped(request, maxBytes);
  if (body.error) return { error: body.error };
  try {
    const form = await new Response(body.bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    return { form };
  } catch {
    return { error: apiError(400, "bad_request", "Send the body as multipart/form-data with a `file` field.") };
  }
}

// Multipart framing around a file of the limit's size takes a few hundred bytes; 64 KiB is generous.
const MULTIPART_OVERHEAD = 64 * 1024;

export type FileBody = { bytes: Uint8Array; fileName?: string; error?: never } | { error: Response };

/**
 * A file sent either as the whole request body or as the "file" field of a multipart form (what the
 * dashboard's attach forms send), at most maxBytes; `what` names it in the refusal ("the annotations").
 */
export async function readFileBody(request: Request, maxBytes: number, what: string): Promise<FileBody> {
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const { form, error } = await readFormCapped(request, maxBytes + MULTIPART_OVERHEAD);
    if (error) return { error };
    const file = form.get("file");
    if (!(file instanceof File)) return { error: apiError(400, "no_file", `Send ${what} as the "file" field.`) };
    if (file.size > maxBytes) return { error: apiError(413, "too_large", "The file is too large.") };
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
  }
  const body = await readBodyCapped(request, maxBytes);
  return body.error ? { error: body.error } : { bytes: body.bytes };
}
