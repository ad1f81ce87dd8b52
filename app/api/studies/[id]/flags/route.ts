import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { flagAssignment, nextAssignment } from "@/lib/data/assignments";
import { flagSchema } from "@/lib/validation/vote";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// Flags the pair the rater holds (it leaves their queue) and answers with their next pair, or done.
export const POST = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const body = await readJson(request, flagSchema);
  if (body.error) return body.error;
  const { id } = await params;
  const error = await flagAssignment(id, auth.user.id, body.data.assignmentId, body.data.reason);
  return raterResponse(error ?? (await nextAssignment(id, auth.user.id)));
});
