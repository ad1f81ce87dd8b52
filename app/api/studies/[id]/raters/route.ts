import { apiUser, Role } from "@/lib/auth/guards";
import { addRatersByEmail } from "@/lib/data/study-admin";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { addRatersSchema, type AddRatersResponse } from "@/lib/validation/study";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// {"emails": "a@x.org, b@y.org"}: rater accounts join at once; unknown emails get an invitation with
// a fresh single-use link (replacing any earlier one), returned here once. The link is a path: the
// server does not know the origin it is reached by.
export const POST = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, addRatersSchema);
  if (body.error) return body.error;
  const result = await addRatersByEmail((await params).id, body.data.emails);
  if (!result) return apiError(404, "not_found", "Study not found.");
  const invited = result.invited.map(({ email, token, expiresAt }) => ({ email, link: `/invite/${token}`, expiresAt: expiresAt.toISOString() }));
  return Response.json({ ...result, invited } satisfies AddRatersResponse);
});
