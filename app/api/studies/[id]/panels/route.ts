// Staff-only: attach a human-judgment file (MT-Bench human judgments, Chatbot Arena conversations) to a
// study as an external panel: the file as the request body, or a multipart form with a "file" field.
import { apiUser, Role } from "@/lib/auth/guards";
import { importPanelRun } from "@/lib/data/panels";
import { apiError } from "@/lib/http/api-error";
import { readBodyCapped, readFormCapped } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { JUDGE_MAX_BYTES, judgeMetaSchema, searchParamsObject } from "@/lib/validation/results";

export const dynamic = "force-dynamic";

// Multipart framing around a file of the limit's size takes a few hundred bytes; 64 KiB is generous.
const MULTIPART_OVERHEAD = 64 * 1024;

async function readBody(request: Request): Promise<{ bytes: Uint8Array; fileName?: string } | { error: Response }> {
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const { form, error } = await readFormCapped(request, JUDGE_MAX_BYTES + MULTIPART_OVERHEAD);
    if (error) return { error };
    const file = form.get("file");
    if (!(file instanceof File)) return { error: apiError(400, "no_file", 'Send the judgments as the "file" field.') };
    if (file.size > JUDGE_MAX_BYTES) return { error: apiError(413, "too_large", "The file is too large.") };
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
  }
  const body = await readBodyCapped(request, JUDGE_MAX_BYTES);
  if (body.error) return { error: body.error };
  return { bytes: body.bytes };
}

export const POST = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const { id } = await params;
  const meta = judgeMetaSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!meta.success) return apiError(400, "invalid_query", "Invalid name or fileName.", meta.error.issues);
  const body = await readBody(request);
  if ("error" in body) return body.error;
  const result = await importPanelRun(id, body.bytes, { name: meta.data.name, fileName: meta.data.fileName ?? body.fileName });
  if (!result.ok) return apiError(result.status, result.status === 409 ? "duplicate" : result.status === 404 ? "not_found" : "invalid_judgments", result.message, result.errors);
  return Response.json({ run: result.run }, { status: 201 });
}, ["application/json", "multipart/form-data"]);
