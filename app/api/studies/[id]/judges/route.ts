// Staff-only import of an automatic judge's annotations (AlpacaEval format) for a study:
// a JSON array as the request body, or a multipart form with a "file" field. All or nothing.
import { apiUser, Role } from "@/lib/auth/guards";
import { importJudgeRun } from "@/lib/data/judges";
import { apiError } from "@/lib/http/api-error";
import { readFileBody } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { JUDGE_MAX_BYTES, judgeMetaSchema, searchParamsObject } from "@/lib/validation/results";

export const dynamic = "force-dynamic";

export const POST = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const { id } = await params;
  const meta = judgeMetaSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!meta.success) return apiError(400, "invalid_query", "Invalid name or fileName.", meta.error.issues);
  const body = await readFileBody(request, JUDGE_MAX_BYTES, "the annotations");
  if (body.error) return body.error;
  const result = await importJudgeRun(id, new TextDecoder().decode(body.bytes), { name: meta.data.name, fileName: meta.data.fileName ?? body.fileName });
  if (!result.ok) return apiError(result.status, result.status === 409 ? "duplicate" : result.status === 404 ? "not_found" : "invalid_annotations", result.message, result.errors);
  return Response.json({ run: result.run }, { status: 201 });
}, ["application/json", "multipart/form-data"]);
