// Turns batches of votes into a streamed response body in the chosen format: linear in the
// number of votes, one batch in memory at a time.
import { csvHeader, voteAlpacaEval, voteBattle, voteCsv, voteJson } from "./formats";
import type { ExportFormat, ExportVote } from "./types";

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

async function* chunks(format: ExportFormat, batches: AsyncIterable<ExportVote[]>): AsyncGenerator<string> {
  if (format === "csv") yield csvHeader();
  const array = format === "alpaca_eval" || format === "battles";
  if (array) yield "[";
  let first = true;
  for await (const batch of batches) {
    const parts: string[] = [];
    for (const v of batch) {
      if (format === "csv") parts.push(voteCsv(v));
      else if (format === "jsonl") parts.push(`${JSON.stringify(voteJson(v))}\n`);
      else {
        const record = format === "alpaca_eval" ? voteAlpacaEval(v) : voteBattle(v);
        parts.push(`${first ? "\n" : ",\n"}${JSON.stringify(record)}`);
      }
      first = false;
    }
    yield parts.join("");
  }
  if (array) yield first ? "]\n" : "\n]\n";
}

export function exportStream(format: ExportFormat, batches: AsyncIterable<ExportVote[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = chunks(format, batches);
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
