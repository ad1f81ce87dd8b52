// Head-to-head win-rate table between every pair of models, straight from the vote counts.
// Shown beside the Bradley-Terry ranking so readers can see where a rank comes from.

import { buildPairMatrix, type PairRecord } from "./pair-matrix";

export interface HeadToHead {
  models: string[];
  /** winRate[i][j] = share of i-vs-j votes won by i (draws as half); null if never compared or i = j. */
  winRate: (number | null)[][];
  /** votes[i][j] = number of votes between i and j (symmetric). */
  votes: number[][];
}

export function headToHeadMatrix(records: readonly PairRecord[]): HeadToHead {
  const { models, points } = buildPairMatrix(records);
  const n = models.length;
  const winRate: (number | null)[][] = [];
  const votes: number[][] = [];
  for (let i = 0; i < n; i++) {
    const rateRow: (number | null)[] = [];
    const voteRow: number[] = [];
    for (let j = 0; j < n; j++) {
      const mine = points[i * n + j] as number;
      const total = mine + (points[j * n + i] as number);
      rateRow.push(i === j || total === 0 ? null : mine / total);
      voteRow.push(total);
    }
    winRate.push(rateRow);
    votes.push(voteRow);
  }
  return { models, winRate, votes };
}
