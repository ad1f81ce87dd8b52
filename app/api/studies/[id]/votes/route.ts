import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role, unverifiedCookieSession } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { MACHINERY, machineryOn } from "@/lib/machinery";
import { readJson } from "@/lib/http/read-json";
import { recordSessionVote, recordVote } from "@/lib/data/votes";
import { voteSchema } from "@/lib/validation/vote";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// Records the rater's vote on the pair they hold; a repeat of the same vote answers like the first.
export const POST = route(async (request: Request, { params }: Params) => {
  const { id } = await params;
  // Fast path (a happy vote from a signed-in rater): one statement checks the session and writes.
  // Only a request with a validly signed session cookie gets its body read before authentication.
  const session = machineryOn(MACHINERY.voteFastPath) ? await unverifiedCookieSession() : null;
  const early = session ? await readJson(request, voteSchema) : null;
  if (session && early?.data) {
    const reply = await recordSessionVote(session, id, early.data);
    if (reply) return raterResponse(reply);
  }
  // Anything else is authenticated in full first, so refusals answer exactly as on every route.
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const body = early ?? (await readJson(request, voteSchema));
  if (body.error) return body.error;
  return raterResponse(await recordVote(id, auth.user.id, body.data));
});
