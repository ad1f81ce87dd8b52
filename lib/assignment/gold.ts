// Gold pairs (a known better answer) are mixed in unannounced: each request for a new pair
// prefers a gold pair with probability Study.goldRate; with 0 they are served like any pair.
export function drawGold(goldRate: number, random: () => number = Math.random): boolean {
  return goldRate > 0 && random() < goldRate;
}
