import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { recordVote } from "@/lib/data/votes";
import { voteSchema } from "@/lib/validation/vote";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// Records the rater's vote on the pair they hold; a repeat of the same vote answers like the first.
// Authenticated in full (the session's row included) before the body is read.
export const POST = route(async (request: Request, { params }: Params) => {
  const { id } = await params;
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const body = await readJson(request, voteSchema);
  if (body.error) return body.error;
  return raterResponse(await recordVote(id, auth.user.id, body.data));
});
