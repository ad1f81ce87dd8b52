// Staff-only results of a study as JSON: the same figures the dashboard shows, or with ?pair=<id>
// one prompt's detail (instruction, both outputs, model names, votes). ?exclude=<pseudonym,…>
// leaves raters out of every figure; page/pageSize/model/category/outcome/q filter the prompt list.
import { apiUser, Role } from "@/lib/auth/guards";
import { resultPromptDetail } from "@/lib/data/results/prompt-detail";
import { apiError } from "@/lib/http/api-error";
import { route } from "@/lib/http/route";
import { getStudyResults, resultsScope, type ResultsParts } from "@/lib/results/study-results";
import { resultsQuerySchema, searchParamsObject } from "@/lib/validation/results";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export const GET = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const started = performance.now();
  const auth = await apiUser(Role.ADMIN, Role.RESEARCHER);
  if (auth.error) return auth.error;
  const { id } = await params;
  const parsed = resultsQuerySchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!parsed.success) return apiError(400, "invalid_query", "Invalid query parameters.", parsed.error.issues);
  const { exclude, pair, page, pageSize, model, category, outcome, winner, q } = parsed.data;
  if (pair) {
    const { scope } = await resultsScope(id, exclude);
    const detail = await resultPromptDetail(id, pair, scope.excludeRaterIds);
    if (!detail) return apiError(404, "not_found", "No such pair in this study.");
    return Response.json({ pair: detail }, { headers: noStore });
  }
  const parts: ResultsParts = {};
  const results = await getStudyResults(id, exclude, { page, pageSize, model, category, outcome, winner, q }, parts);
  if (!results) return apiError(404, "not_found", "No such study.");
  const body = JSON.stringify(results);
  // The server's own time for the figures (session check, queries, assembly, JSON), as the benchmark
  // reports it, then each part that was computed for this request (none when the figures were kept).
  const timing = [`results;dur=${(performance.now() - started).toFixed(1)}`,
    ...Object.entries(parts).map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)].join(", ");
  return new Response(body, { headers: { ...noStore, "content-type": "application/json", "server-timing": timing } });
});
