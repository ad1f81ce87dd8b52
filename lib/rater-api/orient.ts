// What the rater saw where: a pair's canonical A/B order turned into left/right. The reverse
// (which output a LEFT/RIGHT vote means) runs in SQL in lib/data/votes.ts, under the assignment's lock.

/** The two sides as shown: output A on the left when leftIsA. */
export function orient<T>(leftIsA: boolean, a: T, b: T): { left: T; right: T } {
  return leftIsA ? { left: a, right: b } : { left: b, right: a };
}

