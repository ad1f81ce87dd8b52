// The rating page's calls to the rater API, with the API's error shape turned into messages.
import type { NextPair } from "@/lib/data/assignments";
import type { VoteReply } from "@/lib/data/votes";
import type { VoteChoice } from "@/lib/validation/vote";

export type ApiFailure = { failed: true; status: number; code: string; message: string };
export type ApiResult<T> = T | ApiFailure;

export function isFailure<T>(result: ApiResult<T>): result is ApiFailure {
  return typeof result === "object" && result !== null && "failed" in result;
}

async function call<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { failed: true, status: 0, code: "network", message: "Could not reach the server. Check your connection and try again." };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok && json) return json as T;
  const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
  return {
    failed: true,
    status: response.status,
    code: error?.code ?? "unknown",
    message: error?.message ?? `The server answered ${response.status}. Try again.`,
  };
}

export const ratingApi = {
  next: (studyId: string) => call<NextPair>(`/api/studies/${encodeURIComponent(studyId)}/next`),
  vote: (studyId: string, body: { assignmentId: string; choice: VoteChoice; rationale?: string }) =>
    call<VoteReply>(`/api/studies/${encodeURIComponent(studyId)}/votes`, body),
  flag: (studyId: string, body: { assignmentId: string; reason: string }) =>
    call<NextPair>(`/api/studies/${encodeURIComponent(studyId)}/flags`, body),
};
