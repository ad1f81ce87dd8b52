// Folds per-model-pair vote counts into a dense "points of i against j" matrix.
// Shared by Bradley-Terry and the head-to-head table so both read records the same way.

import { assertTally } from "./tally";

/** Aggregated votes between two models (SQL: GROUP BY model_a, model_b). */
export interface PairRecord {
  a: string;
  b: string;
  winsA: number;
  winsB: number;
  ties: number;
  /** Counted like a tie (half a point each way); optional because some queries fold it into ties. */
  bothBad?: number;
}

export interface PairMatrix {
  /** Model names, sorted so results do not depend on record order. */
  models: string[];
  /** Row-major n x n: points[i * n + j] = wins of i over j plus half of their draws. */
  points: Float64Array;
}

function sortedModels(records: readonly PairRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) {
    names.add(r.a);
    names.add(r.b);
  }
  return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * Records for (a, b) and (b, a) are merged. A record comparing a model with itself is
 * rejected: it would silently inflate that model's games without saying anything.
 */
export function buildPairMatrix(records: readonly PairRecord[]): PairMatrix {
  const models = sortedModels(records);
  const index = new Map(models.map((m, i) => [m, i] as const));
  const n = models.length;
  const points = new Float64Array(n * n);
  for (const r of records) {
    assertTally(r);
    if (r.a === r.b) throw new RangeError(`record compares "${r.a}" with itself`);
    const i = index.get(r.a) as number;
    const j = index.get(r.b) as number;
    const draws = 0.5 * (r.ties + (r.bothBad ?? 0));
    points[i * n + j] = (points[i * n + j] as number) + r.winsA + draws;
    points[j * n + i] = (points[j * n + i] as number) + r.winsB + draws;
  }
  return { models, points };
}
