// Bodies of the withdrawal requests: the rater's own (an explicit confirmation) and staff's on request.
import { z } from "zod";

export const withdrawSchema = z.object({ confirm: z.literal(true, "Confirm the withdrawal with {\"confirm\": true}.") });

export const withdrawRaterSchema = z.object({ pseudonym: z.string().trim().min(1).max(100) });

export type WithdrawReply = { withdrawn: true; votesRemoved: number };
