import { apiUser, Role } from "@/lib/auth/guards";
import { archiveStream, studyExists } from "@/lib/data/study-archive";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// Everything about one study, for archiving (admins only): JSON Lines, raters by pseudonym.
export const GET = route(async (_request: Request, { params }: Context) => {
  const auth = await apiUser(Role.ADMIN);
  if (auth.error) return auth.error;
  const { id } = await params;
  if (!(await studyExists(id))) return apiError(404, "not_found", "Study not found.");
  return new Response(archiveStream(id), {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="study-${id}-archive.jsonl"`,
      "cache-control": "no-store",
    },
  });
});
