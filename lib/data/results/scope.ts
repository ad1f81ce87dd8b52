// The slice of a study's votes every results query reads: one study, pairs not excluded,
// minus the raters a researcher chose to leave out, and where it is read (replica by default).
// Shared so every figure filters alike.
import "server-only";
import { dbFrom, type ReadSource } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type ResultsScope = {
  studyId: string;
  /** User ids whose votes are left out of every figure. */
  excludeRaterIds: readonly string[];
  /** Whether any pair of the study is excluded, when the caller knows; unknown means "check". */
  hasExcludedPairs?: boolean;
  /**
   * Where the figures are read: the replica (the default; the primary when none is configured), or the
   * primary for figures that are stored beside what the primary holds (a frozen result).
   */
  source?: ReadSource;
};

export type { ReadSource };
export const sourceOf = (scope: ResultsScope): ReadSource => scope.source ?? "replica";

/** The scope's excluded-pairs flag, asking the database only when the caller did not say. */
export async function hasExcludedPairs(scope: ResultsScope): Promise<boolean> {
  if (scope.hasExcludedPairs !== undefined) return scope.hasExcludedPairs;
  const [row] = await dbFrom(sourceOf(scope)).$queryRaw<{ excluded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Pair" WHERE "studyId" = ${scope.studyId} AND excluded) AS excluded`;
  return row?.excluded ?? false;
}

/** `AND v."raterId" NOT IN (...)` for the vote alias `v`, or nothing. */
export function raterFilter(scope: ResultsScope): Prisma.Sql {
  if (scope.excludeRaterIds.length === 0) return Prisma.empty;
  return Prisma.sql`AND v."raterId" NOT IN (${Prisma.join([...scope.excludeRaterIds])})`;
}

/** `AND` the vote `v` is not on an excluded pair (a hashed set: excluded pairs are few). */
export function notOnExcludedPair(studyId: string): Prisma.Sql {
  return Prisma.sql`AND v."pairId" NOT IN (SELECT x.id FROM "Pair" x WHERE x."studyId" = ${studyId} AND x.excluded)`;
}

/**
 * Prompt-level majority in SQL, the same rule as lib/stats majorityOutcome: ties and "both bad"
 * form one bloc; a side takes the prompt only with strictly more votes than the other side and the bloc.
 * NULL counts (a pair nobody voted on, via a LEFT JOIN) give NULL.
 */
export function majoritySql(a: Prisma.Sql, b: Prisma.Sql, draws: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${a} IS NULL OR ${a} + ${b} + ${draws} = 0 THEN NULL
    WHEN ${a} = ${b} THEN 'tie'
    WHEN ${draws} >= GREATEST(${a}, ${b}) THEN 'tie'
    WHEN ${a} > ${b} THEN 'A' ELSE 'B' END`;
}

/** The Pair `p` columns every tallied-pairs source carries beside its counts (see talliedPairs). */
export const pairFacts = Prisma.sql`p.id AS "pairId", p."promptId", p."outputAId", p."outputBId", p."goldOutputId", p.excluded, p."createdAt",
    p."modelAId", p."modelBId", p."lengthA", p."lengthB", p.category, p.dataset, p.turn,
    p.shuffle, p.decided, p."voteCount" AS "recordedVotes", p."sampleRank", p.inclusion, p.held`;

/**
 * The study's pairs with their tallies as a FROM item (alias it): the per-pair counts the Vote
 * triggers keep, minus the votes of excluded raters, which are few and read through the
 * Vote(studyId, raterId) index. Columns: the Pair row's ids and result facts (modelAId, modelBId,
 * lengthA, lengthB, category, dataset, turn; shuffle, decided and recordedVotes, every vote the pair got,
 * for the anytime-valid intervals' closed prefix; sampleRank, inclusion and held of a study that samples
 * model pairs) plus votes, winsA, winsB, ties, bothBad, leftWins, rightWins.
 * Excluded pairs are included: callers decide.
 */
export function talliedPairs(scope: ResultsScope): Prisma.Sql {
  if (scope.excludeRaterIds.length === 0) {
    return Prisma.sql`(SELECT ${pairFacts}, p."voteCount" AS votes, p."winsA", p."winsB", p.ties, p."bothBad", p."leftWins", p."rightWins"
      FROM "Pair" p WHERE p."studyId" = ${scope.studyId})`;
  }
  return Prisma.sql`(SELECT ${pairFacts},
      p."voteCount" - coalesce(x.n, 0) AS votes, p."winsA" - coalesce(x.a, 0) AS "winsA", p."winsB" - coalesce(x.b, 0) AS "winsB",
      p.ties - coalesce(x.t, 0) AS ties, p."bothBad" - coalesce(x.x, 0) AS "bothBad",
      p."leftWins" - coalesce(x.l, 0) AS "leftWins", p."rightWins" - coalesce(x.r, 0) AS "rightWins"
    FROM "Pair" p
    LEFT JOIN ${excludedVotesByPair(scope)} x ON x."pairId" = p.id
    WHERE p."studyId" = ${scope.studyId})`;
}

/**
 * The excluded raters' votes per pair as a FROM item (alias it), in the pair's A/B terms, through the
 * Vote(studyId, raterId) index. Columns: pairId, n (votes), a, b, t, x (A wins, B wins, ties, both bad), l, r (left, right).
 * The same counts as the vote tally trigger's (prisma/sql/vote-tally.sql); tests/rule-twins.int.test.ts
 * holds talliedPairs minus these equal to a recount.
 */
export function excludedVotesByPair(scope: ResultsScope): Prisma.Sql {
  return Prisma.sql`(
    SELECT v."pairId", count(*)::int AS n,
      count(*) FILTER (WHERE v."winnerOutputId" = q."outputAId")::int AS a,
      count(*) FILTER (WHERE v."winnerOutputId" = q."outputBId")::int AS b,
      count(*) FILTER (WHERE v.choice = 'TIE')::int AS t, count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS x,
      count(*) FILTER (WHERE v.choice = 'LEFT')::int AS l, count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS r
    FROM "Vote" v JOIN "Pair" q ON q.id = v."pairId"
    WHERE v."studyId" = ${scope.studyId} AND v."raterId" IN (${Prisma.join([...scope.excludeRaterIds])})
    GROUP BY v."pairId")`;
}

/**
 * Joins prompt `pr`, outputs `oa`/`ob` and model names `ma`/`mb` onto a row source aliased `src`
 * that has "promptId", "outputAId" and "outputBId": the chain every de-blinded results query needs.
 */
export const pairModelJoins = Prisma.sql`
  JOIN "Prompt" pr ON pr.id = src."promptId"
  JOIN "Output" oa ON oa.id = src."outputAId"
  JOIN "Output" ob ON ob.id = src."outputBId"
  JOIN "LanguageModel" ma ON ma.id = oa."modelId"
  JOIN "LanguageModel" mb ON mb.id = ob."modelId"`;
