import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role, unverifiedCookieSession } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { MACHINERY, machineryOn } from "@/lib/machinery";
import { nextAssignment, nextSessionAssignment } from "@/lib/data/assignments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// The signed-in rater's current pair (the same one on reload) or a new blinded pair, or done.
export const GET = route(async (_request: Request, { params }: Params) => {
  const { id } = await params;
  // Fast path: one statement checks the cookie's session (live, a rater) and leases. Kept for target 1
  // of docs/benchmarks.md (capacity): without it 2,000 raters' next p99 was 109 ms, over the 100 ms
  // limit (switch: next-fast-path).
  const session = machineryOn(MACHINERY.nextFastPath) ? await unverifiedCookieSession() : null;
  const served = session ? await nextSessionAssignment(session, id) : null;
  if (served) return raterResponse(served);
  // Anything else is authenticated in full first, so refusals answer exactly as on every route.
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  return raterResponse(await nextAssignment(id, auth.user.id));
});
