// An external panel's votes set beside the study's raters: per panel, turn and pair, what each side said,
// grouped by those counts (the agreement needs no more), and the panels themselves.
import "server-only";
import { dbFrom, type ReadSource } from "@/lib/db";
import type { PanelCountRow, PanelRunRow } from "@/lib/results/inputs";
import { Prisma } from "@/lib/generated/prisma/client";
import { sourceOf, talliedPairs, type ResultsScope } from "./scope";

export async function panelRuns(studyId: string, source: ReadSource = "replica"): Promise<PanelRunRow[]> {
  return dbFrom(source).$queryRaw<PanelRunRow[]>`
    SELECT r.id, r.name, r."fileName", r.format, r."createdAt", r."rowCount", r.unmatched, r.repeated,
      (SELECT count(*) FROM "PanelVote" v WHERE v."runId" = r.id)::int AS votes,
      (SELECT count(DISTINCT v.judge) FROM "PanelVote" v WHERE v."runId" = r.id)::int AS judges
    FROM "PanelRun" r WHERE r."studyId" = ${studyId}
    ORDER BY r."createdAt", r.id`;
}

/** Our raters' tallies (minus excluded raters) and the panel's counts per pair, grouped (small). */
export async function panelCounts(scope: ResultsScope): Promise<PanelCountRow[]> {
  return dbFrom(sourceOf(scope)).$queryRaw<PanelCountRow[]>(Prisma.sql`
    SELECT v."runId", v.turn, src."winsA" AS "oursA", src."winsB" AS "oursB", (src.ties + src."bothBad") AS "oursTie",
      v.a AS "panelA", v.b AS "panelB", v.t AS "panelTie", count(*)::int AS pairs
    FROM (
      SELECT pv."runId", pv."pairId", p.turn,
        count(*) FILTER (WHERE pv."winnerOutputId" = p."outputAId")::int AS a,
        count(*) FILTER (WHERE pv."winnerOutputId" = p."outputBId")::int AS b,
        count(*) FILTER (WHERE pv."winnerOutputId" IS NULL)::int AS t
      FROM "PanelVote" pv JOIN "PanelRun" r ON r.id = pv."runId" JOIN "Pair" p ON p.id = pv."pairId"
      WHERE r."studyId" = ${scope.studyId}
      GROUP BY 1, 2, 3) v
    JOIN ${talliedPairs(scope)} src ON src."pairId" = v."pairId"
    WHERE NOT src.excluded AND src."goldOutputId" IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
}
