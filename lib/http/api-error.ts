// The one shape of every API error: {"error": {"code", "message", "issues"?}}.
export type ApiErrorBody = { error: { code: string; message: string; issues?: unknown } };

export function apiError(status: number, code: string, message: string, issues?: unknown): Response {
  const body: ApiErrorBody = { error: { code, message, ...(issues === undefined ? {} : { issues }) } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
