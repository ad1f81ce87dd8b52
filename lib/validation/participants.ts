// What a study asks of and gives its participants beyond voting: the consent page and the
// screen-out code/URL (crowd studies). Shared by the new-study form, its admin page and the API.
import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const CONSENT_MAX_CHARS = 50_000;

export const participantFields = {
  consentText: z.string().trim().max(CONSENT_MAX_CHARS, "The consent page must be at most 50,000 characters").default(""),
  screenOutCode: z.preprocess(blankToUndefined, z.string().trim().max(100, "At most 100 characters").optional()),
  screenOutUrl: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, message: "The screen-out URL must be an http(s) URL" }).optional()),
};

/** PUT /api/studies/{id}/participants: the whole set at once (empty clears a field). */
export const participantSettingsSchema = z.object(participantFields);

export type ParticipantSettingsInput = z.output<typeof participantSettingsSchema>;
