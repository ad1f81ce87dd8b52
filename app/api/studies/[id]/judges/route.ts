// Staff-only import of an automatic judge's annotations (AlpacaEval format) for a study:
// a JSON array as the request body, or a multipart form with a "file" field. All or nothing.
import { apiUser, Role } from "@/lib/auth/guards";
import { importJudgeRun } from "@/lib/data/judges";
import { apiError } from "@/lib/http/api-error";
import { JUDGE_MAX_BYTES, judgeMetaSchema, searchParamsObject } from "@/lib/validation/results";

export const dynamic = "force-dynamic";

async function readBody(request: Request): Promise<{ text: string; fileName?: string } | { error: Response }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > JUDGE_MAX_BYTES) return { error: apiError(413, "too_large", `Judge files are limited to ${JUDGE_MAX_BYTES / 1024 / 1024} MB.`) };
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const file = (await request.formData()).get("file");
    if (!(file instanceof File)) return { error: apiError(400, "no_file", 'Send the annotations as the "file" field.') };
    if (file.size > JUDGE_MAX_BYTES) return { error: apiError(413, "too_large", "The file is too large.") };
    return { text: await file.text(), fileName: file.name };
  }
  const text = await request.text();
  if (text.length > JUDGE_MAX_BYTES) return { error: apiError(413, "too_large", "The file is too large.") };
  return { text };
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const { id } = await params;
  const meta = judgeMetaSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!meta.success) return apiError(400, "invalid_query", "Invalid name or fileName.", meta.error.issues);
  const body = await readBody(request);
  if ("error" in body) return body.error;
  const result = await importJudgeRun(id, body.text, { name: meta.data.name, fileName: meta.data.fileName ?? body.fileName });
  if (!result.ok) return apiError(result.status, result.status === 409 ? "duplicate" : result.status === 404 ? "not_found" : "invalid_annotations", result.message, result.errors);
  return Response.json({ run: result.run }, { status: 201 });
}
