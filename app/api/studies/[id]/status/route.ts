import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { changeStudyStatus } from "@/lib/data/study-admin";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { studyStatusChangeSchema } from "@/lib/validation/study";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// {"status": "OPEN"} opens a draft (its pairs freeze); {"status": "CLOSED"} closes an open study.
export const POST = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, studyStatusChangeSchema);
  if (body.error) return body.error;
  const result = await changeStudyStatus((await params).id, body.data.status, staffActor(auth.user));
  if (!result.ok) return apiError(409, "invalid_transition", result.message);
  return Response.json({ status: body.data.status });
});
