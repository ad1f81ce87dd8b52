// The stored prompts an MT-Bench answer file names by question_id (Prompt.externalId), read before
// the import so a missing question is a row error that names it.
import "server-only";
import { db } from "@/lib/db";
import type { StoredQuestion } from "@/lib/ingest/stored-questions";

const BATCH = 2_000;

export async function storedQuestions(externalIds: string[]): Promise<Map<string, StoredQuestion>> {
  const found = new Map<string, StoredQuestion>();
  for (let i = 0; i < externalIds.length; i += BATCH) {
    const rows = await db.prompt.findMany({
      where: { externalId: { in: externalIds.slice(i, i + BATCH) } },
      select: { externalId: true, instruction: true, input: true, userTurns: true, system: true },
    });
    for (const { externalId, ...question } of rows) if (externalId !== null) found.set(externalId, question);
  }
  return found;
}
