import { apiUser, Role } from "@/lib/auth/guards";
import { reviewLeak } from "@/lib/data/leak-review";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { leakReviewSchema } from "@/lib/validation/study";

// {"outputId", "decision": "CLEARED" | "CONFIRMED"}: the admin's verdict on a flagged output.
// Cleared outputs count as clean in new studies and in the warnings; confirmed ones stay flagged.
export const POST = route(async (request: Request) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, leakReviewSchema);
  if (body.error) return body.error;
  if (!(await reviewLeak(body.data.outputId, body.data.decision))) return apiError(404, "not_found", "No flagged output with that id.");
  return Response.json({ outputId: body.data.outputId, decision: body.data.decision });
});
