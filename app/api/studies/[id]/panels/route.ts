// Staff-only: attach a human-judgment file (MT-Bench human judgments, Chatbot Arena conversations) to a
// study as an external panel: the file as the request body, or a multipart form with a "file" field.
import { apiUser, Role } from "@/lib/auth/guards";
import { importPanelRun } from "@/lib/data/panels";
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
  const body = await readFileBody(request, JUDGE_MAX_BYTES, "the judgments");
  if (body.error) return body.error;
  const result = await importPanelRun(id, body.bytes, { name: meta.data.name, fileName: meta.data.fileName ?? body.fileName });
  if (!result.ok) return apiError(result.status, result.status === 409 ? "duplicate" : result.status === 404 ? "not_found" : "invalid_judgments", result.message, result.errors);
  return Response.json({ run: result.run }, { status: 201 });
}, ["application/json", "multipart/form-data"]);
