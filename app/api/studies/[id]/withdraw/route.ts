import { apiUser, Role } from "@/lib/auth/guards";
import { withdrawFromStudy } from "@/lib/data/withdrawal";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { withdrawSchema, type WithdrawReply } from "@/lib/validation/withdrawal";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// {"confirm": true}: the signed-in rater leaves the study; all their votes in it are removed.
export const POST = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const body = await readJson(request, withdrawSchema);
  if (body.error) return body.error;
  const result = await withdrawFromStudy((await params).id, auth.user.id);
  if (!result.ok) return apiError(404, "not_found", "You are not taking part in this study.");
  return Response.json({ withdrawn: true, votesRemoved: result.votesRemoved } satisfies WithdrawReply);
});
