// What every container reader (JSON array, JSON Lines, CSV) hands to the row processor:
// one raw row with its 1-based row number, or a row that could not even be read.

import type { IngestError } from "./ingest-error";

export type SourceItem = { row: number; value: unknown } | { row: number; error: IngestError };
