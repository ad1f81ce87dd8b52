import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { setPairExcluded } from "@/lib/data/pair-review";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { pairExclusionSchema } from "@/lib/validation/study";

type Context = { params: Promise<{ id: string }> };

// {"pairId", "excluded": true | false} leaves a pair out of the figures and raters' queues, or counts it again.
export const POST = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, pairExclusionSchema);
  if (body.error) return body.error;
  const { pairId, excluded } = body.data;
  if (!(await setPairExcluded((await params).id, pairId, excluded, staffActor(auth.user)))) return apiError(404, "not_found", "No such pair in this study.");
  return Response.json({ pairId, excluded });
});
