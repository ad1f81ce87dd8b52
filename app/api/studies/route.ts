import { apiUser, Role } from "@/lib/auth/guards";
import { createStudy } from "@/lib/data/study-admin";
import { listStudiesForStaff } from "@/lib/data/studies";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { createStudySchema } from "@/lib/validation/study";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Staff-only list of studies with model names and progress counts.
export const GET = route(async () => {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  return Response.json({ studies: await listStudiesForStaff() });
});

// Creates a draft study from 2+ models: one pair per prompt they all answered (per model pair with 3+).
export const POST = route(async (request: Request) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, createStudySchema);
  if (body.error) return body.error;
  const result = await createStudy(body.data, auth.user.id);
  if (!result.ok) return apiError(422, "no_pairs", result.message);
  return Response.json({ studyId: result.studyId, pairs: result.pairs }, { status: 201 });
});
