// The prompt half of the upload import: every record gets its prompt (matched by id, else by key, else
// created), and a record that contradicts the prompt it matched is a row error that rolls it all back.
import "server-only";
import { randomUUID } from "node:crypto";
import type { OutputRecord, PromptRecord } from "@/lib/ingest";
import { plural } from "@/lib/ingest/chat-messages";
import { createErrorCollector, formatIngestErrors, type IngestError } from "@/lib/ingest/ingest-error";
import { keyTextHash } from "@/lib/ingest/prompt-key";
import { turnCount } from "@/lib/ingest/stored-questions";
import { describeSystem, sameSystem } from "@/lib/ingest/system-prompts";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;
type AnyRecord = OutputRecord | PromptRecord;

const BATCH = 2_000;
const MAX_ERRORS = 20;

/** Thrown inside the transaction to roll it back with messages for the uploader. */
export class ImportRejected extends Error {
  constructor(readonly errors: string[]) {
    super(errors[0] ?? "The file was not imported.");
  }
}

export function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type StoredPrompt = { id: string; userTurns: string[]; system: string | null; textHash?: string; instruction?: string };
type NewPrompt = StoredPrompt & { instruction: string; input: string; category: string | null; externalId: string | null; textHash: string };

async function existingPrompts(tx: Tx, hashes: string[], externalIds: string[]) {
  const byHash = new Map<string, StoredPrompt>();
  const byExternal = new Map<string, StoredPrompt>();
  const select = { id: true, textHash: true, externalId: true, userTurns: true, system: true, instruction: true } as const;
  const stored = (p: { id: string; userTurns: string[]; system: string | null; textHash: string; instruction: string }): StoredPrompt =>
    ({ id: p.id, userTurns: p.userTurns, system: p.system, textHash: p.textHash, instruction: p.instruction });
  for (const part of chunks(hashes)) {
    for (const p of await tx.prompt.findMany({ where: { textHash: { in: part } }, select })) byHash.set(p.textHash, stored(p));
  }
  for (const part of chunks(externalIds)) {
    for (const p of await tx.prompt.findMany({ where: { externalId: { in: part } }, select })) if (p.externalId) byExternal.set(p.externalId, stored(p));
  }
  return { byHash, byExternal };
}

const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

// A matched prompt keeps what it stores: its user turns equal the record's by key, or it was matched by
// id. An id names one prompt: a row that carries an id and a text must carry that prompt's text (its key:
// lib/ingest/prompt-key.ts), else ids from two sources ("81" in MT-Bench and in someone's CSV) would
// silently join different prompts. Only a row without text (an MT-Bench answer) is matched by id alone.
// What must agree besides is the number of turns (an answer per turn) and the system prompt.
function contradiction(record: AnyRecord, prompt: StoredPrompt, byId: boolean, hash: string): IngestError | null {
  const recordTurns = turnCount(record);
  if (turnCount(prompt) !== recordTurns) {
    const what = byId ? `the stored prompt with id "${record.externalId}"` : "the stored prompt";
    return { row: record.row, message: `${what} has ${plural(turnCount(prompt), "user turn")} but this row has ${recordTurns}` };
  }
  if (byId && !record.promptById && prompt.textHash !== undefined && prompt.textHash !== hash) {
    return { row: record.row, message: `id "${record.externalId}" is already stored for another prompt (${quoted(prompt.instruction ?? "")}); ` +
      "an id names one prompt: give this one another id, or none to match it by its text" };
  }
  if (!sameSystem(prompt.system, record.system)) {
    const message = `the stored prompt with these user turns has another system prompt (stored: ${describeSystem(prompt.system)}; ` +
      `this row: ${describeSystem(record.system)}); a prompt has one system prompt`;
    return { row: record.row, message };
  }
  return null;
}

/** Prompt for every record: an explicit id wins, then the key; the rest are created. */
export async function resolvePrompts(tx: Tx, records: AnyRecord[]) {
  const hashes = records.map((r) => keyTextHash(r.promptKey));
  const externalIds = [...new Set(records.map((r) => r.externalId).filter((x): x is string => !!x))];
  const { byHash, byExternal } = await existingPrompts(tx, [...new Set(hashes)], externalIds);
  const created = new Map<string, NewPrompt>();
  const errors = createErrorCollector(MAX_ERRORS);
  const prompts = records.map((r, i): StoredPrompt => {
    const hash = hashes[i]!;
    const byId = r.externalId ? byExternal.get(r.externalId) : undefined;
    const found = byId ?? (r.promptById ? undefined : byHash.get(hash));
    if (found) {
      const problem = contradiction(r, found, byId !== undefined, hash);
      if (problem) errors.add(problem);
      return found;
    }
    // Read before the transaction, gone since: say so rather than create a prompt with no id to match.
    if (r.promptById) errors.add({ row: r.row, message: `question ${r.externalId} is not uploaded; upload MT-Bench's question.jsonl first` });
    if (!created.has(hash)) {
      const externalId = r.externalId && !byExternal.has(r.externalId) ? r.externalId : null;
      created.set(hash, { id: randomUUID(), instruction: r.instruction, input: r.input, category: r.category, externalId, textHash: hash, userTurns: r.userTurns, system: r.system });
    }
    return created.get(hash)!;
  });
  if (errors.count > 0) throw new ImportRejected(formatIngestErrors(errors.errors, errors.count));
  // Two new records may carry the same external id under different texts; keep it on the first only.
  const seenExternal = new Set<string>();
  for (const p of created.values()) {
    if (p.externalId && seenExternal.has(p.externalId)) p.externalId = null;
    if (p.externalId) seenExternal.add(p.externalId);
  }
  for (const part of chunks([...created.values()])) await insertPrompts(tx, part);
  const ids = prompts.map((p) => p.id);
  await fillPromptDetails(tx, records, ids, new Set([...created.values()].map((p) => p.id)));
  const matched = new Set(ids).size - created.size;
  return { prompts, promptsNew: created.size, promptsMatched: matched };
}

/** A text[] per row as JSON text, since unnest cannot take an array of arrays of different lengths. */
export function jsonLists(lists: readonly string[][]): string[] {
  return lists.map((list) => JSON.stringify(list));
}

/** SQL turning such a JSON column back into text[], in order; "[]" (every single-turn row) is not parsed. */
export function textListSql(column: "v.turns"): Prisma.Sql {
  return Prisma.raw(`CASE WHEN ${column} = '[]' THEN '{}'::text[]
    ELSE ARRAY(SELECT e.t FROM jsonb_array_elements_text(${column}::jsonb) WITH ORDINALITY AS e(t, n) ORDER BY e.n) END`);
}

// Set-based inserts: one statement per batch with array parameters. Prisma's createMany builds
// every row in JavaScript first, which costs seconds and hundreds of MB on a 52,000-row file.
async function insertPrompts(tx: Tx, rows: NewPrompt[]) {
  await tx.$executeRaw`
    INSERT INTO "Prompt" (id, instruction, input, category, "externalId", "textHash", system, "userTurns")
    SELECT v.id, v.instruction, v.input, v.category, v.ext, v.hash, v.system, ${textListSql("v.turns")}
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.instruction)}::text[], ${rows.map((r) => r.input)}::text[],
                ${rows.map((r) => r.category)}::text[], ${rows.map((r) => r.externalId)}::text[], ${rows.map((r) => r.textHash)}::text[],
                ${rows.map((r) => r.system)}::text[], ${jsonLists(rows.map((r) => r.userTurns))}::text[])
      AS v(id, instruction, input, category, ext, hash, system, turns)`;
}

// A prompt set uploaded after the outputs (Self-Instruct's, say) brings categories and ids the
// outputs lacked: fill them in on matched prompts, never overwrite, never steal another prompt's id.
// Studies on those prompts show categories in their results, so their kept figures are marked changed.
async function fillPromptDetails(tx: Tx, records: AnyRecord[], ids: string[], createdIds: Set<string>) {
  const rows = records.flatMap((r, i) =>
    !createdIds.has(ids[i]!) && (r.category || r.externalId) ? [{ id: ids[i]!, category: r.category, externalId: r.externalId }] : []);
  for (const part of chunks(rows)) {
    await tx.$executeRaw`
      UPDATE "Prompt" p
      SET category = COALESCE(p.category, v.category),
          "externalId" = COALESCE(p."externalId",
            CASE WHEN EXISTS (SELECT 1 FROM "Prompt" o WHERE o."externalId" = v.ext) THEN NULL ELSE v.ext END)
      FROM unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.category)}::text[], ${part.map((r) => r.externalId)}::text[])
        AS v(id, category, ext)
      WHERE p.id = v.id AND (p.category IS NULL OR p."externalId" IS NULL)`;
    await tx.$executeRaw`
      UPDATE "Study" s SET "figuresChangedAt" = clock_timestamp() AT TIME ZONE 'UTC'
      WHERE EXISTS (SELECT 1 FROM "Pair" p WHERE p."studyId" = s.id AND p."promptId" = ANY(${part.map((r) => r.id)}::text[]))`;
  }
}
