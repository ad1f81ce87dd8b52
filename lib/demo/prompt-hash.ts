import { createHash } from "node:crypto";
import { promptKey } from "@/lib/ingest/prompt-key";

/** Prompt.textHash: sha256 of the normalized "instruction\n\ninput" key used to match prompts across models. */
export function promptTextHash(instruction: string, input: string): string {
  return createHash("sha256").update(promptKey(instruction, input), "utf8").digest("hex");
}
