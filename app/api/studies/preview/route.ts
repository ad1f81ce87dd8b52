import { apiUser, Role } from "@/lib/auth/guards";
import { previewStudy } from "@/lib/data/study-admin";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { studyPreviewSchema } from "@/lib/validation/study";

export const dynamic = "force-dynamic";

// The counts the new-study form shows before anything is created: shared prompts, pairs left out
// for self-references and for identical or empty answers, and the pairs the study would get.
export const POST = route(async (request: Request) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const body = await readJson(request, studyPreviewSchema);
  if (body.error) return body.error;
  return Response.json(await previewStudy(body.data));
});
