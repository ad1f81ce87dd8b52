import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { undoVote } from "@/lib/data/undo";
import { undoSchema } from "@/lib/validation/vote";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// Takes back the rater's last vote within the study's undo window; answers with its pair, same sides, under a new id.
export const POST = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const body = await readJson(request, undoSchema);
  if (body.error) return body.error;
  const { id } = await params;
  return raterResponse(await undoVote(id, auth.user.id, body.data.assignmentId));
});
