import { apiUser, Role } from "@/lib/auth/guards";
import { getStudyForAdmin } from "@/lib/data/study-detail";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const study = await getStudyForAdmin((await params).id);
  if (!study) return apiError(404, "not_found", "Study not found.");
  return Response.json({ study });
});
