import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { setGoldAnswer, setGoldRate } from "@/lib/data/pair-review";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { goldAnswerSchema, goldRateSchema } from "@/lib/validation/study";

type Context = { params: Promise<{ id: string }> };

// {"pairId", "answer": "A" | "B" | null} marks (or clears) a pair's known better output.
export const POST = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, goldAnswerSchema);
  if (body.error) return body.error;
  if (!(await setGoldAnswer((await params).id, body.data.pairId, body.data.answer, staffActor(auth.user)))) return apiError(404, "not_found", "No such pair in this study.");
  return Response.json({ pairId: body.data.pairId, answer: body.data.answer });
});

// {"goldRate": 0.1}: the share of a rater's pairs that are drawn from the gold pairs.
export const PUT = route(async (request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, goldRateSchema);
  if (body.error) return body.error;
  if (!(await setGoldRate((await params).id, body.data.goldRate))) return apiError(404, "not_found", "Study not found.");
  return Response.json({ goldRate: body.data.goldRate });
});
