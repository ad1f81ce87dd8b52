import { apiUser, Role } from "@/lib/auth/guards";
import { addRatersByEmail } from "@/lib/data/study-admin";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { addRatersSchema } from "@/lib/validation/study";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// {"emails": "a@x.org, b@y.org"}: rater accounts join at once; unknown emails get a pending invitation.
export const POST = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, addRatersSchema);
  if (body.error) return body.error;
  const result = await addRatersByEmail((await params).id, body.data.emails);
  if (!result) return apiError(404, "not_found", "Study not found.");
  return Response.json(result);
});
