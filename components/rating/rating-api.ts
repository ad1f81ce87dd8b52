// The rating page's calls to the rater API, with the API's error shape turned into messages.
import type { IssueTicks, NextPair, UndoReply, VoteReply } from "@/lib/rating/types";
import type { VoteChoice } from "@/lib/rating/limits";
import { nextPairOf, servedPairOf } from "./rating-contract";

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

// Replies carrying a pair get the contract's defaults for fields an older server leaves out.
function mapOk<T, U>(result: ApiResult<T>, map: (value: T) => U): ApiResult<U> {
  return isFailure(result) ? result : map(result);
}

const base = (studyId: string) => `/api/studies/${encodeURIComponent(studyId)}`;

/**
 * `issues`: left out when nothing is ticked (the server reads that as none marked). `criteria`: the
 * choice on every criterion but the primary one (`choice`), only in studies that ask several.
 */
export type VoteBody = {
  assignmentId: string;
  choice: VoteChoice;
  criteria?: Record<string, VoteChoice>;
  rationale?: string;
  seenBothMs?: number;
  issues?: IssueTicks;
};

export const ratingApi = {
  next: async (studyId: string) => mapOk(await call<NextPair>(`${base(studyId)}/next`), nextPairOf),
  vote: (studyId: string, body: VoteBody) => call<VoteReply>(`${base(studyId)}/votes`, body),
  undo: async (studyId: string, body: { assignmentId: string }) =>
    mapOk(await call<UndoReply>(`${base(studyId)}/votes/undo`, body), (r) => ({ ...r, pair: servedPairOf(r.pair) })),
  flag: async (studyId: string, body: { assignmentId: string; reason: string }) =>
    mapOk(await call<NextPair>(`${base(studyId)}/flags`, body), nextPairOf),
};
