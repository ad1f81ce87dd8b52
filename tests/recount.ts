// What the Vote triggers keep, recounted from the Vote table itself: every pair's tally, every member's
// vote count and the votes per hour. Each function returns the rows that disagree (none when the
// tallies are right), so a failing test shows them.
import { db } from "@/lib/db";

export async function pairTallyMismatches(studyId: string) {
  return db.$queryRaw<{ id: string }[]>`
    SELECT p.id, p."voteCount", c.n, p."winsA", c.a, p."winsB", c.b, p.ties, c.t, p."bothBad", c.x, p."leftWins", c.l, p."rightWins", c.r
    FROM "Pair" p
    CROSS JOIN LATERAL (
      SELECT count(v.id)::int AS n,
        count(*) FILTER (WHERE v."winnerOutputId" = p."outputAId")::int AS a,
        count(*) FILTER (WHERE v."winnerOutputId" = p."outputBId")::int AS b,
        count(*) FILTER (WHERE v.choice = 'TIE')::int AS t,
        count(*) FILTER (WHERE v.choice = 'BOTH_BAD')::int AS x,
        count(*) FILTER (WHERE v.choice = 'LEFT')::int AS l,
        count(*) FILTER (WHERE v.choice = 'RIGHT')::int AS r
      FROM "Vote" v WHERE v."pairId" = p.id
    ) c
    WHERE p."studyId" = ${studyId}
      AND (p."voteCount", p."winsA", p."winsB", p.ties, p."bothBad", p."leftWins", p."rightWins")
        IS DISTINCT FROM (c.n, c.a, c.b, c.t, c.x, c.l, c.r)`;
}

export async function memberCountMismatches(studyId: string) {
  return db.$queryRaw<{ userId: string }[]>`
    SELECT m."userId", m.votes, (SELECT count(*)::int FROM "Vote" v WHERE v."studyId" = m."studyId" AND v."raterId" = m."userId") AS recount
    FROM "StudyMember" m WHERE m."studyId" = ${studyId}
      AND m.votes <> (SELECT count(*)::int FROM "Vote" v WHERE v."studyId" = m."studyId" AND v."raterId" = m."userId")`;
}

/** Hours and shards whose count differs from the votes' (an hour row at 0 is the same as none). */
export async function voteHourMismatches(studyId: string) {
  return db.$queryRaw<{ hour: Date; shard: number }[]>`
    WITH kept AS (
      SELECT hour, shard, votes FROM "VoteHour" WHERE "studyId" = ${studyId} AND votes <> 0
    ), recount AS (
      SELECT date_trunc('hour', "createdAt") AS hour, "pairwise_vote_shard"("raterId") AS shard, count(*)::int AS votes
      FROM "Vote" WHERE "studyId" = ${studyId} GROUP BY 1, 2
    )
    SELECT coalesce(k.hour, r.hour) AS hour, coalesce(k.shard, r.shard) AS shard, k.votes AS kept, r.votes AS recount
    FROM kept k FULL JOIN recount r ON r.hour = k.hour AND r.shard = k.shard
    WHERE k.votes IS DISTINCT FROM r.votes`;
}

/** Every kept tally of the study against a recount; an empty object when all agree. */
export async function tallyMismatches(studyId: string) {
  const [pairs, members, hours] = await Promise.all([
    pairTallyMismatches(studyId), memberCountMismatches(studyId), voteHourMismatches(studyId),
  ]);
  return { pairs, members, hours };
}

export const NO_MISMATCHES = { pairs: [], members: [], hours: [] };
