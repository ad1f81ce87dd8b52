// Position bias (do raters favour the left answer?) and length bias (does the longer answer win?),
// each a share of decisive votes tested against 50% with an exact binomial test.
import { lengthBias } from "@/lib/stats/length-bias";
import { positionBias } from "@/lib/stats/position-bias";
import type { ShareTest } from "@/lib/stats/share-test";
import { verdict } from "@/lib/stats/binomial";
import { intervalText, percent, pValueText } from "./format";
import type { SideCounts } from "./inputs";
import type { ShareJson } from "./types";

const ALPHA = 0.05;

function shareJson(test: ShareTest, hits: number, misses: number, what: string): ShareJson {
  const significant = test.pValue < ALPHA;
  const summary =
    test.share === null
      ? "No decisive votes yet."
      : `${what} in ${percent(test.share)} of ${test.decisive} decisive votes (95% CI ${intervalText(test.interval)}; ` +
        `${pValueText(test.pValue)} against 50%): ${verdict(test.pValue, ALPHA)}.`;
  return { hits, misses, share: test.share, interval: test.interval, pValue: test.pValue, significant, verdict: verdict(test.pValue, ALPHA), summary };
}

export function positionBiasJson(sides: SideCounts): ShareJson {
  return shareJson(positionBias({ leftWins: sides.leftWins, rightWins: sides.rightWins }), sides.leftWins, sides.rightWins, "Raters chose the left answer");
}

/** Equal-length pairs are skipped (by the query): neither answer is the longer one. */
export function lengthBiasJson(sides: SideCounts): ShareJson {
  const counts = { longerWins: sides.longerWins, shorterWins: sides.shorterWins };
  return shareJson(lengthBias(counts), counts.longerWins, counts.shorterWins, "The longer answer (in characters) won");
}
