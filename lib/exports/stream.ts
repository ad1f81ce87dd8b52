// Turns batches of votes into a streamed response body in the chosen format: linear in the
// number of votes, one batch in memory at a time.
import { csvHeader, voteCsvLine, voteJson, votePreference } from "./formats";
import type { ExportFormat, ExportOptions, ExportVote } from "./types";

export const EXPORT_CONTENT: Record<ExportFormat, { type: string; extension: string }> = {
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  jsonl: { type: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  alpaca_eval: { type: "application/json; charset=utf-8", extension: "json" },
  battles: { type: "application/json; charset=utf-8", extension: "json" },
};

/** Formats that carry the output texts (the query can skip reading them otherwise). */
export function formatNeedsOutputs(format: ExportFormat): boolean {
  return format === "jsonl" || format === "alpaca_eval";
}

/** Formats that carry a sampled pair's inclusion probability (issue 22): all of them. */
export function formatNeedsInclusion(format: ExportFormat): boolean {
  return format in EXPORT_CONTENT;
}

/** Formats that carry a conversation pair's conversation (issue 21). */
export function formatNeedsConversations(format: ExportFormat): boolean {
  return format === "jsonl" || format === "battles";
}

async function* chunks(format: ExportFormat, batches: AsyncIterable<ExportVote[]>, options: ExportOptions): AsyncGenerator<string> {
  if (format === "csv") yield csvHeader(options.criteria, options.turns, options.sampling);
  // A study with criteria names one in each preference record: the one asked for, else the primary.
  const criterion = options.criteria.length ? (options.criterion ?? options.criteria[0]) : undefined;
  const array = format === "alpaca_eval" || format === "battles";
  if (array) yield "[";
  let first = true;
  for await (const batch of batches) {
    const parts: string[] = [];
    for (const v of batch) {
      if (format === "csv") parts.push(voteCsvLine(v, options.turns, options.sampling));
      else if (format === "jsonl") parts.push(`${JSON.stringify(voteJson(v))}\n`);
      else {
        const record = votePreference(format, v, criterion);
        if (!record) continue;
        parts.push(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`);
      }
      first = false;
    }
    yield parts.join("");
  }
  if (array) yield first ? "]\n" : "\n]\n";
}

export function exportStream(
  format: ExportFormat, batches: AsyncIterable<ExportVote[]>, options: ExportOptions = { criteria: [] },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = chunks(format, batches, options);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
