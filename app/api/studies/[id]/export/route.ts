// Staff-only export of every vote, de-blinded, streamed: ?format=csv|jsonl|alpaca_eval|battles, and for
// the last two &criterion=<key> on a study with criteria (default: its primary).
import { apiUser, Role } from "@/lib/auth/guards";
import { exportCriteria, exportVoteBatches, studyHasConversations, studyHasTurns, studySamplesPairs } from "@/lib/data/results/export-votes";
import { studyExists } from "@/lib/data/studies";
import { conversationRefusal } from "@/lib/exports/conversations";
import { exportCriterion } from "@/lib/exports/criteria";
import { EXPORT_CONTENT, exportStream, formatNeedsConversations, formatNeedsInclusion, formatNeedsOutputs } from "@/lib/exports/stream";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";
import { exportQuerySchema, searchParamsObject } from "@/lib/validation/results";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const { id } = await params;
  const parsed = exportQuerySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid_query", "Choose format=csv, jsonl, alpaca_eval or battles.", parsed.error.issues);
  if (!(await studyExists(id))) return apiError(404, "not_found", "No such study.");
  const { format } = parsed.data;
  const refused = format === "alpaca_eval" ? conversationRefusal(format, await studyHasConversations(id)) : null;
  if (refused) return apiError(400, refused.code, refused.message);
  const [criteria, turns, sampling] = await Promise.all([exportCriteria(id).then((list) => list.map((c) => c.key)), studyHasTurns(id), studySamplesPairs(id)]);
  const chosen = exportCriterion(format, parsed.data.criterion, criteria);
  if (!chosen.ok) return apiError(400, chosen.code, chosen.message);
  const content = EXPORT_CONTENT[format];
  const batches = exportVoteBatches(
    id, formatNeedsOutputs(format), criteria, turns && formatNeedsConversations(format), sampling && formatNeedsInclusion(format),
  );
  const body = exportStream(format, batches, { criteria, criterion: chosen.criterion, turns, sampling });
  // A file per criterion keeps its name apart from the primary's: study-…-battles-helpful.json.
  const named = format === "csv" || format === "jsonl" ? "votes" : chosen.criterion && chosen.criterion !== criteria[0] ? `${format}-${chosen.criterion}` : format;
  return new Response(body, {
    headers: {
      "content-type": content.type,
      "content-disposition": `attachment; filename="study-${id}-${named}.${content.extension}"`,
      "cache-control": "no-store",
    },
  });
});
