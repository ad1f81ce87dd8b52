// Import of an automatic judge's annotations (AlpacaEval format) onto a study's pairs:
// rows are matched by prompt text hash and generator names, all-or-nothing in one transaction.
import "server-only";
import { db } from "@/lib/db";
import { markFiguresChanged } from "@/lib/data/results/snapshots";
import { studyChanged } from "@/lib/data/study-changes";
import { promptTextHash } from "@/lib/ingest/prompt-key";
import { sha256Hex } from "@/lib/ingest/sha256";
import { JUDGE_MAX_ROWS, judgePreference, judgeRowSchema, type JudgeRow } from "@/lib/validation/results";

export type StudyPairKey = { pairId: string; textHash: string; modelA: string; modelB: string; outputAId: string; outputBId: string };

export type JudgeImportResult =
  | { ok: true; run: { id: string; name: string; labels: number; wins: Record<string, number>; draws: number } }
  | { ok: false; status: 404 | 409 | 422; message: string; errors: string[] };

const MAX_REPORTED = 20;

function fail(status: 404 | 409 | 422, message: string, errors: string[] = []): JudgeImportResult {
  const shown = errors.slice(0, MAX_REPORTED);
  if (errors.length > MAX_REPORTED) shown.push(`…and ${errors.length - MAX_REPORTED} more`);
  return { ok: false, status, message, errors: shown };
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

function parseRows(text: string): { rows: JudgeRow[]; errors: string[] } | { fatal: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { fatal: `The file is not valid JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) return { fatal: "Expected a JSON array of AlpacaEval annotations ([{instruction, output_1, generator_1, output_2, generator_2, preference}, …])." };
  if (data.length === 0) return { fatal: "The file holds no annotations." };
  if (data.length > JUDGE_MAX_ROWS) return { fatal: `At most ${JUDGE_MAX_ROWS} annotations per file.` };
  const rows: JudgeRow[] = [];
  const errors: string[] = [];
  data.forEach((item, i) => {
    const parsed = judgeRowSchema.safeParse(item);
    if (parsed.success) rows.push(parsed.data);
    else errors.push(`row ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`).join("; ")}`);
  });
  return { rows, errors };
}

async function studyPairs(studyId: string): Promise<StudyPairKey[]> {
  return db.$queryRaw<StudyPairKey[]>`
    SELECT p.id AS "pairId", pr."textHash", ma.name AS "modelA", mb.name AS "modelB", p."outputAId", p."outputBId"
    FROM "Pair" p JOIN "Prompt" pr ON pr.id = p."promptId"
    JOIN "Output" oa ON oa.id = p."outputAId" JOIN "Output" ob ON ob.id = p."outputBId"
    JOIN "LanguageModel" ma ON ma.id = oa."modelId" JOIN "LanguageModel" mb ON mb.id = ob."modelId"
    WHERE p."studyId" = ${studyId}`;
}

const pairKey = (hash: string, a: string, b: string) => (a < b ? `${hash}\u0000${a}\u0000${b}` : `${hash}\u0000${b}\u0000${a}`);

type Label = { pairId: string; winnerOutputId: string | null; winner: string | null };

/** Matches validated rows to the study's pairs; pure apart from hashing. Errors name the row (1-based). */
export function matchJudgeRows(rows: readonly JudgeRow[], pairs: readonly StudyPairKey[]): { labels: Label[]; errors: string[] } {
  const index = new Map(pairs.map((p) => [pairKey(p.textHash, p.modelA, p.modelB), p] as const));
  const models = new Set(pairs.flatMap((p) => [p.modelA, p.modelB]));
  const seen = new Map<string, number>();
  const labels: Label[] = [];
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const n = i + 1;
    const unknown = [row.generator_1, row.generator_2].filter((g) => !models.has(g));
    if (unknown.length > 0) {
      errors.push(`row ${n}: ${unknown.map((g) => `"${g}"`).join(" and ")} ${unknown.length > 1 ? "are not models" : "is not a model"} of this study (models: ${[...models].sort().join(", ")})`);
      return;
    }
    const pair = index.get(pairKey(promptTextHash(row.instruction, row.input ?? ""), row.generator_1, row.generator_2));
    if (!pair) {
      errors.push(`row ${n}: no pair in this study for the instruction "${preview(row.instruction)}" with ${row.generator_1} and ${row.generator_2}`);
      return;
    }
    const earlier = seen.get(pair.pairId);
    if (earlier !== undefined) {
      errors.push(`row ${n}: the same prompt and models as row ${earlier}`);
      return;
    }
    seen.set(pair.pairId, n);
    const preferred = judgePreference(row.preference);
    const winner = preferred === null ? null : preferred === 1 ? row.generator_1 : row.generator_2;
    const winnerOutputId = winner === null ? null : winner === pair.modelA ? pair.outputAId : pair.outputBId;
    labels.push({ pairId: pair.pairId, winnerOutputId, winner });
  });
  return { labels, errors };
}

function runName(rows: readonly JudgeRow[], override: string | undefined): string {
  if (override) return override;
  const names = new Set(rows.map((r) => r.annotator?.trim()).filter((a): a is string => !!a));
  return names.size === 1 ? ([...names][0] as string) : names.size > 1 ? [...names].sort().join(" + ").slice(0, 200) : "judge";
}

export async function importJudgeRun(studyId: string, text: string, meta: { fileName?: string; name?: string }): Promise<JudgeImportResult> {
  const study = await db.study.findUnique({ where: { id: studyId }, select: { id: true } });
  if (!study) return fail(404, "No such study.");
  const parsed = parseRows(text);
  if ("fatal" in parsed) return fail(422, parsed.fatal);
  if (parsed.errors.length > 0) return fail(422, `${parsed.errors.length} rows are not valid annotations; nothing was imported.`, parsed.errors);
  const { labels, errors } = matchJudgeRows(parsed.rows, await studyPairs(studyId));
  if (errors.length > 0) return fail(422, `${errors.length} rows do not match this study's pairs; nothing was imported.`, errors);
  const sha256 = sha256Hex(text);
  const existing = await db.judgeRun.findUnique({ where: { studyId_sha256: { studyId, sha256 } }, select: { name: true } });
  if (existing) return fail(409, `This file was already imported for this study (as "${existing.name}").`);
  const name = runName(parsed.rows, meta.name);
  let run: { id: string };
  try {
    run = await db.$transaction(async (tx) => {
      const created = await tx.judgeRun.create({ data: { studyId, name, fileName: meta.fileName ?? "annotations.json", sha256 }, select: { id: true } });
      await tx.judgeLabel.createMany({ data: labels.map((l) => ({ runId: created.id, pairId: l.pairId, winnerOutputId: l.winnerOutputId })) });
      await markFiguresChanged(studyId, tx);
      return created;
    }, { timeout: 60_000 });
  } catch (error) {
    // Two uploads of the same file at once: the unique (studyId, sha256) index lets one through.
    if ((error as { code?: string }).code === "P2002") return fail(409, "This file was already imported for this study.");
    throw error;
  }
  const wins: Record<string, number> = {};
  for (const l of labels) if (l.winner !== null) wins[l.winner] = (wins[l.winner] ?? 0) + 1;
  studyChanged(studyId);
  return { ok: true, run: { id: run.id, name, labels: labels.length, wins, draws: labels.filter((l) => l.winner === null).length } };
}
