import { after } from "next/server";
import { raterResponse } from "@/lib/rater-api/http";
import { isRaterError } from "@/lib/rater-api/rater-error";
import { apiUser, Role } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { recordVote } from "@/lib/data/votes";
import { checkStoppingAfterVote } from "@/lib/data/stopping";
import { openAheadAfterVote } from "@/lib/data/pair-opening";
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
  const outcome = await recordVote(id, auth.user.id, body.data);
  // The study's stopping rule, and opening prompts ahead, after the reply is sent: the vote never waits for them.
  if (!isRaterError(outcome)) {
    after(() => checkStoppingAfterVote(id).catch((error: unknown) => console.error(`[pairwise] stopping check failed (study ${id})`, error)));
    // A study that samples model pairs opens its next prompts before raters run out of pairs.
    after(() => openAheadAfterVote(id).catch((error: unknown) => console.error(`[pairwise] opening prompts ahead failed (study ${id})`, error)));
  }
  return raterResponse(outcome);
});
