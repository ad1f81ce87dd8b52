import { apiSessionUser, Role } from "@/lib/auth/guards";
import { createApiToken, listApiTokens } from "@/lib/data/api-tokens";
import { readJson } from "@/lib/http/read-json";
import { createApiTokenSchema } from "@/lib/validation/api-token";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Token management needs a signed-in session: a leaked token cannot mint more tokens.
export const GET = route(async () => {
  const auth = await apiSessionUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  return Response.json({ tokens: await listApiTokens(auth.user.id) });
});

// Body {"name": "…", "expiresInDays": 7 | 30 | 90 | 365} (default 90).
export const POST = route(async (request: Request) => {
  const auth = await apiSessionUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const body = await readJson(request, createApiTokenSchema);
  if (body.error) return body.error;
  const created = await createApiToken(auth.user.id, body.data.name, body.data.expiresInDays);
  return Response.json({ ...created, note: "Shown once: store it now." }, { status: 201, headers: { "cache-control": "no-store" } });
});
