import { apiUser, Role } from "@/lib/auth/guards";
import { staffActor } from "@/lib/data/audit";
import { freezeResults } from "@/lib/data/frozen-results";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { freezeSchema, type FreezeReply } from "@/lib/validation/frozen";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// {"label"?: "…", "exclude"?: ["r_…"]}: freezes the current figures (those raters left out) with the votes.
export const POST = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RESEARCHER, Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, freezeSchema);
  if (body.error) return body.error;
  const { id } = await params;
  const frozen = await freezeResults(id, body.data, staffActor(auth.user));
  if (!frozen) return apiError(404, "not_found", "Study not found.");
  const url = `/studies/${encodeURIComponent(id)}/results/frozen/${encodeURIComponent(frozen.id)}`;
  return Response.json({ id: frozen.id, url } satisfies FreezeReply, { status: 201 });
});
