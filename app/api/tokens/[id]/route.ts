import { apiSessionUser, Role } from "@/lib/auth/guards";
import { revokeApiToken } from "@/lib/data/api-tokens";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const auth = await apiSessionUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  if (!(await revokeApiToken(auth.user.id, (await params).id))) return apiError(404, "not_found", "No such live token of yours.");
  return new Response(null, { status: 204 });
});
