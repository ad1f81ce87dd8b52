import { raterErrors } from "@/lib/rater-api/rater-error";
import { raterResponse } from "@/lib/rater-api/http";
import { apiUser, Role } from "@/lib/auth/guards";
import { acceptConsent } from "@/lib/data/consent";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// The signed-in rater accepts the study's information and consent page (body: {}); pairs follow.
export const POST = route(async (_request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RATER);
  if (auth.error) return auth.error;
  const result = await acceptConsent((await params).id, auth.user.id);
  if (result.ok) return raterResponse({ consentedAt: result.consentedAt.toISOString() });
  if (result.reason === "not_member") return raterResponse(raterErrors.studyNotFound);
  return apiError(409, "no_consent", "This study has no consent page to accept.");
});
