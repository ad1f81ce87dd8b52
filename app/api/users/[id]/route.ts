import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { deleteAccount } from "@/lib/data/user-admin";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { deleteAccountSchema } from "@/lib/validation/auth";

type Context = { params: Promise<{ id: string }> };

// Body {"mode": "keep-votes" | "remove-votes"}.
export const DELETE = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, deleteAccountSchema);
  if (body.error) return body.error;
  const { id } = await params;
  if (id === auth.user.id) return apiError(409, "self", "You cannot delete your own account.");
  if (!(await deleteAccount(id, body.data.mode, staffActor(auth.user)))) return apiError(404, "not_found", "No such account.");
  return new Response(null, { status: 204 });
});
