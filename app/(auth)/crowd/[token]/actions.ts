"use server";

import { cookies, headers } from "next/headers";
import { crowdCookieName, crowdCookieOptions } from "@/lib/auth/crowd-cookie";
import { enterCrowd, findCrowdStudy } from "@/lib/data/crowd";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { participantIdSchema } from "@/lib/validation/study";
import type { CrowdEntryState } from "@/lib/validation/auth";

/**
 * Creates the participant's rater on the first visit and gives this browser its secret (a cookie),
 * or checks that cookie on a return. The page then signs in through next-auth, which checks it again.
 */
export async function enterCrowdAction(token: string, participantId: string): Promise<CrowdEntryState> {
  const pid = participantIdSchema.safeParse(participantId);
  const study = pid.success && typeof token === "string" ? await findCrowdStudy(token) : null;
  if (!pid.success || !study) return { ok: false, reason: "invalid" };
  const store = await cookies();
  const name = crowdCookieName(study.id);
  const entry = await enterCrowd(token, pid.data, store.get(name)?.value, clientAddressFromHeaders(await headers()));
  if (!entry.ok) return entry;
  if (entry.secret) store.set(name, entry.secret, crowdCookieOptions());
  return { ok: true };
}
