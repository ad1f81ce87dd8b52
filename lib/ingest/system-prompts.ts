// Spots rows of one file that give the same user turns under different system prompts. One stored
// prompt holds one system prompt, shared by every model's answer (rule in prompt-key.ts), so the
// second row is an error naming both rather than a silent choice of either.

import type { IngestError } from "./ingest-error";
import { normalizeText } from "./prompt-key";

export type SystemCandidate = { row: number; promptKey: string; system: string | null; promptById: boolean };

export type SystemTracker = { check(record: SystemCandidate): IngestError | null };

export function createSystemTracker(): SystemTracker {
  const first = new Map<string, { row: number; system: string | null }>();
  return {
    check(record) {
      if (record.promptById) return null;
      const earlier = first.get(record.promptKey);
      if (earlier === undefined) {
        first.set(record.promptKey, { row: record.row, system: record.system });
        return null;
      }
      if (sameSystem(earlier.system, record.system)) return null;
      const message =
        `rows ${earlier.row} and ${record.row} have the same user turns but different system prompts ` +
        `(${describeSystem(earlier.system)} and ${describeSystem(record.system)}); a prompt has one system prompt`;
      return { row: record.row, field: "messages", message };
    },
  };
}

/** System prompts compare like prompt texts: whitespace aside. */
export function sameSystem(a: string | null, b: string | null): boolean {
  return (a === null ? null : normalizeText(a)) === (b === null ? null : normalizeText(b));
}

/** "none" or the start of the text in quotes, for an error message. */
export function describeSystem(system: string | null): string {
  if (system === null) return "none";
  const flat = system.replace(/\s+/g, " ");
  return `"${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}"`;
}
