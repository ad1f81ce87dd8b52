import { z } from "zod";
import { UNSAFE_NAME_CHARS, unsafeNameMessage } from "./names";

// A fixed menu rather than any number: short enough that a forgotten token dies on its own, and no
// "never expires" choice.
export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIME_DAYS)[number];
export const DEFAULT_TOKEN_LIFETIME_DAYS: TokenLifetimeDays = 90;
const lifetimeChoices = `${TOKEN_LIFETIME_DAYS.slice(0, -1).join(", ")} or ${TOKEN_LIFETIME_DAYS.at(-1)}`;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token (what script uses it?)").max(100, "At most 100 characters")
    .refine((name) => !UNSAFE_NAME_CHARS.test(name), unsafeNameMessage("The token name")),
  expiresInDays: z
    .literal(TOKEN_LIFETIME_DAYS, { error: `Choose an expiry of ${lifetimeChoices} days` })
    .default(DEFAULT_TOKEN_LIFETIME_DAYS),
});
