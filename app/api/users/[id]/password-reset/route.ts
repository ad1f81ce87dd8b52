import { apiUser, Role } from "@/lib/auth/guards";
import { createPasswordReset } from "@/lib/data/password-resets";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// A new single-use password reset link for the account (body: {}); older unused links stop working.
// The token appears in this answer only: the admin hands the link over (the app sends no mail).
export const POST = route(async (_request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const link = await createPasswordReset((await params).id);
  if (!link) return apiError(404, "not_found", "No account with a password login has this id (crowd raters have none).");
  return Response.json({ link: `/reset/${link.token}`, expiresAt: link.expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});
