import { z } from "zod";
import { UNSAFE_NAME_CHARS, unsafeNameMessage } from "./names";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token (what script uses it?)").max(100, "At most 100 characters")
    .refine((name) => !UNSAFE_NAME_CHARS.test(name), unsafeNameMessage("The token name")),
});
