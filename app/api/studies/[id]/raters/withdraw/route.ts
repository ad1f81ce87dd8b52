import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { withdrawRater } from "@/lib/data/withdrawal";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { withdrawRaterSchema, type WithdrawReply } from "@/lib/validation/withdrawal";

type Params = { params: Promise<{ id: string }> };

// {"pseudonym": "r_…"}: an admin withdraws a member at their request (same effect as their own withdrawal).
export const POST = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, withdrawRaterSchema);
  if (body.error) return body.error;
  const result = await withdrawRater((await params).id, body.data.pseudonym, staffActor(auth.user));
  if (!result.ok) return apiError(404, "not_found", "No member of this study has that pseudonym.");
  return Response.json({ withdrawn: true, votesRemoved: result.votesRemoved } satisfies WithdrawReply);
});
