// Outputs flagged at upload as possibly revealing their author, and the admin's verdict on each:
// CLEARED counts as clean (studies may use it), CONFIRMED or unreviewed as flagged.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { excerptAround } from "@/lib/ingest/identity-leaks";
import { buildLeakScreen } from "@/lib/ingest/self-reference";
import type { FlaggedOutput, LeakDecision } from "@/lib/admin/types";

export type { FlaggedOutput, LeakDecision };

/** Flagged and not cleared: what studies leave out and what the warnings count. */
export const stillFlagged: Prisma.OutputWhereInput = { leakPhrase: { not: null }, OR: [{ leakReview: null }, { leakReview: "CONFIRMED" }] };

const inStudy = (studyId: string): Prisma.OutputWhereInput => ({
  OR: [{ pairsAsA: { some: { studyId } } }, { pairsAsB: { some: { studyId } } }],
});

// The stored phrase is the match in lower case with one space; find it again for the excerpt.
function excerptFor(text: string, phrase: string): string {
  const words = phrase.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/'/g, "['’]"));
  const match = new RegExp(words.join("\\s+"), "iu").exec(text);
  return match ? excerptAround(text, match.index, match[0].length, 120) : excerptAround(text, 0, 0, 200);
}

/** Flagged outputs, newest first: all of them, or those in one study's pairs. */
export async function listFlaggedOutputs(options: { studyId?: string; take?: number } = {}): Promise<FlaggedOutput[]> {
  const where: Prisma.OutputWhereInput = options.studyId
    ? { AND: [{ leakPhrase: { not: null } }, inStudy(options.studyId)] }
    : { leakPhrase: { not: null } };
  const rows = await db.output.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: options.take ?? 200,
    select: { id: true, text: true, leakPhrase: true, leakReview: true, model: { select: { name: true } }, prompt: { select: { instruction: true } } },
  });
  return rows.map((r) => ({
    id: r.id, model: r.model.name, instruction: r.prompt.instruction, phrase: r.leakPhrase!,
    excerpt: excerptFor(r.text, r.leakPhrase!), review: r.leakReview,
  }));
}

/** Outputs of the study's pairs still flagged (not cleared), and the pairs they are in. */
export async function studyLeakCounts(studyId: string): Promise<{ outputs: number; pairs: number }> {
  const [outputs, pairs] = await Promise.all([
    db.output.count({ where: { AND: [stillFlagged, inStudy(studyId)] } }),
    db.pair.count({ where: { studyId, OR: [{ outputA: stillFlagged }, { outputB: stillFlagged }] } }),
  ]);
  return { outputs, pairs };
}

/** Records the verdict; false when the output does not exist or was never flagged. */
export async function reviewLeak(outputId: string, decision: LeakDecision): Promise<boolean> {
  const { count } = await db.output.updateMany({
    where: { id: outputId, leakPhrase: { not: null } },
    data: { leakReview: decision, leakReviewedAt: new Date() },
  });
  return count === 1;
}

const PAGE = 2_000;

/**
 * A model new to the store makes its name a leak in every other model's answers too ("I'm Zebra-9"):
 * screens the stored, unflagged outputs of other models for self-references naming `names`.
 * Returns how many were flagged. Outside the import's transaction: a flag is advice, not data.
 */
export async function screenStoredOutputs(names: string[]): Promise<number> {
  if (names.length === 0) return 0;
  const screen = buildLeakScreen({ phrases: [], names, vendors: [] });
  let flagged = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db.output.findMany({
      where: { leakPhrase: null, model: { name: { notIn: names } }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, text: true, prompt: { select: { instruction: true, input: true } } },
    });
    if (rows.length === 0) return flagged;
    after = rows.at(-1)!.id;
    const found = rows.flatMap((r) => {
      const match = screen(r.text, `${r.prompt.instruction}\n\n${r.prompt.input}`);
      return match ? [{ id: r.id, phrase: match.phrase }] : [];
    });
    for (const f of found) await db.output.updateMany({ where: { id: f.id, leakPhrase: null }, data: { leakPhrase: f.phrase } });
    flagged += found.length;
  }
}
