import { describe, it, expect } from "vitest";
import { shareTest } from "./share-test";

describe("shareTest", () => {
  it("computes the share, Wilson interval and sign test", () => {
    // Hand: share 7/10; Wilson 7/10 = [0.396778, 0.892209] (formula in wilson.test.ts:
    // center (0.7 + 0.1920729) / 1.3841459 = 0.6444935, half 1.4160097 * sqrt(0.021 + 0.0096036)
    // = 0.2477153); sign test 0.34375 (binomial.test.ts).
    const r = shareTest(7, 3);
    expect(r.share).toBeCloseTo(0.7, 14);
    expect(r.decisive).toBe(10);
    expect(r.interval?.low).toBeCloseTo(0.396778, 5);
    expect(r.interval?.high).toBeCloseTo(0.892209, 5);
    expect(r.pValue).toBeCloseTo(0.34375, 12);
  });

  it("has no share without decisive votes", () => {
    const r = shareTest(0, 0);
    expect(r.share).toBeNull();
    expect(r.interval).toBeNull();
    expect(r.pValue).toBe(1);
  });
});
