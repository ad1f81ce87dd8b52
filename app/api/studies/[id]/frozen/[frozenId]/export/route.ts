import { apiUser, Role } from "@/lib/auth/guards";
import { frozenVoteLines } from "@/lib/data/frozen-results";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; frozenId: string }> };

// The votes of a frozen result as they were, in their canonical JSON Lines: the body's sha256 is the
// frozen result's votesSha256 (`sha256sum` checks it), and recomputing the results from it gives its figures.
export const GET = route(async (_request: Request, { params }: Params) => {
  const auth = await apiUser(Role.RESEARCHER, Role.ADMIN);
  if (auth.error) return auth.error;
  const { id, frozenId } = await params;
  const lines = await frozenVoteLines(id, frozenId);
  if (lines === null) return apiError(404, "not_found", "No such frozen result.");
  return new Response(lines, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="frozen-${frozenId.replace(/[^\w-]/g, "")}-votes.jsonl"`,
    },
  });
});
