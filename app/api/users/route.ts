import { apiUser, Role } from "@/lib/auth/guards";
import { createAccount, listUsers } from "@/lib/data/user-admin";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { createAccountSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  return Response.json({ users: await listUsers() });
});

export const POST = route(async (request: Request) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, createAccountSchema);
  if (body.error) return body.error;
  const result = await createAccount(body.data.email, body.data.password, body.data.role);
  if (!result.ok) return apiError(409, "exists", result.message);
  return Response.json({ id: result.id }, { status: 201 });
});
