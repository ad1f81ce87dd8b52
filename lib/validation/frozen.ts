// The body of "Freeze results": an optional label and the raters the dashboard left out.
import { z } from "zod";

export const freezeSchema = z.object({
  label: z.string().trim().max(200, "The label is at most 200 characters.").optional().transform((l) => (l ? l : null)),
  exclude: z.array(z.string().trim().min(1).max(100)).max(1_000).default([]),
});

export type FreezeReply = { id: string; url: string };
