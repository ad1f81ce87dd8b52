import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role } from "@/lib/auth/guards";
import { route } from "@/lib/http/route";
import { nextAssignment } from "@/lib/data/assignments";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// The signed-in rater's current pair (the same one on reload) or a new blinded pair, or done.
export const GET = route(async (_request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const { id } = await params;
  return raterResponse(await nextAssignment(id, auth.user.id));
});
