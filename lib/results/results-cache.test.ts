import { describe, expect, it } from "vitest";
import { ResultsCache } from "./results-cache";

// A clock the test moves by hand; each computation "takes" `cost` ms of it.
function setup(cost: number) {
  let now = 1_000_000;
  let computed = 0;
  const cache = new ResultsCache<number>({ now: () => now, cacheAboveMs: 100, freshMs: 1_000, staleMs: 10_000 });
  const compute = async () => {
    now += cost;
    computed += 1;
    return computed;
  };
  return { cache, compute, advance: (ms: number) => (now += ms), computed: () => computed };
}

describe("ResultsCache", () => {
  it("never keeps cheap computations: small studies are always live", async () => {
    const t = setup(10);
    expect(await t.cache.get("s", "k", t.compute)).toBe(1);
    expect(await t.cache.get("s", "k", t.compute)).toBe(2);
    expect(t.cache.size).toBe(0);
  });

  it("serves an expensive result while fresh, then once stale while it recomputes, then the new one", async () => {
    const t = setup(500);
    expect(await t.cache.get("s", "k", t.compute)).toBe(1);
    t.advance(200);
    expect(await t.cache.get("s", "k", t.compute)).toBe(1);
    expect(t.computed()).toBe(1);
    t.advance(2_000); // past fresh, within stale: old value now, refresh in the background
    expect(await t.cache.get("s", "k", t.compute)).toBe(1);
    await Promise.resolve();
    expect(t.computed()).toBe(2);
    expect(await t.cache.get("s", "k", t.compute)).toBe(2);
  });

  it("recomputes and waits when the kept result is too old to show", async () => {
    const t = setup(500);
    await t.cache.get("s", "k", t.compute);
    t.advance(60_000);
    expect(await t.cache.get("s", "k", t.compute)).toBe(2);
  });

  it("shares one computation among concurrent first requests, and keeps no null", async () => {
    const t = setup(500);
    const [a, b] = await Promise.all([t.cache.get("s", "k", t.compute), t.cache.get("s", "k", t.compute)]);
    expect([a, b, t.computed()]).toEqual([1, 1, 1]);
    expect(await t.cache.get("s", "none", async () => null)).toBeNull();
    expect(t.cache.size).toBe(1);
  });

  it("forgets one study's entries, or all", async () => {
    const t = setup(500);
    await t.cache.get("s1", "s1|", t.compute);
    await t.cache.get("s1", "s1|r_x", t.compute);
    await t.cache.get("s2", "s2|", t.compute);
    t.cache.forget("s1");
    expect(t.cache.size).toBe(1);
    t.cache.forget(null);
    expect(t.cache.size).toBe(0);
  });
});
