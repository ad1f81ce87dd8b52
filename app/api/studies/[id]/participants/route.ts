import { apiUser, Role } from "@/lib/auth/guards";
import { updateParticipantSettings } from "@/lib/data/consent";
import { apiError } from "@/lib/http/api-error";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { participantSettingsSchema } from "@/lib/validation/participants";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// The consent page and screen-out code/URL of a draft or open study:
// {"consentText": "…markdown…", "screenOutCode": "…", "screenOutUrl": "https://…"} (empty clears).
export const PUT = route(async (request: Request, { params }: Params) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, participantSettingsSchema);
  if (body.error) return body.error;
  const result = await updateParticipantSettings((await params).id, body.data);
  if (!result.ok) return apiError(result.status, result.status === 404 ? "not_found" : "study_closed", result.message);
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
});
