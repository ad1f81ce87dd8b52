import { describe, expect, it } from "vitest";
import { type FiguresStore, ResultsCache } from "./results-cache";

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

  it("keeps what the app's own rule says is worth keeping, however long it took", async () => {
    const t = setup(1);
    const cache = new ResultsCache<number>({ keep: (value) => value >= 2 });
    expect(await cache.get("s", "k", t.compute)).toBe(1);
    expect(await cache.get("s", "k", t.compute)).toBe(2);
    expect(await cache.get("s", "k", t.compute)).toBe(2);
    expect(t.computed()).toBe(2);
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

  describe("with a store (other instances, restarts)", () => {
    function memoryStore() {
      const rows = new Map<string, { studyId: string; value: number; at: number; version: string | null }>();
      let loads = 0;
      const store: FiguresStore<number> = {
        load: async (_studyId, key) => {
          loads += 1;
          return rows.get(key) ?? null;
        },
        save: async (studyId, key, value, at, _took, version) => void rows.set(key, { studyId, value, at, version }),
        forget: async (studyId) => {
          for (const [k, r] of rows) if (studyId === null || r.studyId === studyId) rows.delete(k);
        },
      };
      return { store, rows, loads: () => loads };
    }

    it("saves expensive figures and lets a fresh process serve them without computing", async () => {
      const mem = memoryStore();
      let now = 1_000_000;
      let computed = 0;
      const compute = async () => {
        now += 500;
        return ++computed;
      };
      const options = { now: () => now, cacheAboveMs: 100, freshMs: 1_000, staleMs: 10_000, store: mem.store };
      await new ResultsCache<number>(options).get("s", "k", compute);
      await Promise.resolve();
      expect(mem.rows.get("k")?.value).toBe(1);

      const restarted = new ResultsCache<number>(options);
      expect(await restarted.get("s", "k", compute)).toBe(1); // fresh in the store: no computation
      expect(computed).toBe(1);
      now += 5_000; // stale: served once more while a refresh runs
      const again = new ResultsCache<number>(options);
      expect(await again.get("s", "k", compute)).toBe(1);
      await Promise.resolve();
      expect(computed).toBe(2);
    });

    it("does not ask the store again for figures it just computed cheaply", async () => {
      const mem = memoryStore();
      const cache = new ResultsCache<number>({ cacheAboveMs: 1e9, store: mem.store });
      await cache.get("s", "k", async () => 1);
      await cache.get("s", "k", async () => 2);
      expect(mem.loads()).toBe(1);
      expect(mem.rows.size).toBe(0);
    });

    it("forgets stored figures with the cached ones, and survives a failing store", async () => {
      const mem = memoryStore();
      const cache = new ResultsCache<number>({ cacheAboveMs: 0, store: mem.store });
      await cache.get("s1", "k1", async () => 1);
      await cache.get("s2", "k2", async () => 2);
      await Promise.resolve();
      cache.forget("s1");
      await Promise.resolve();
      expect([...mem.rows.keys()]).toEqual(["k2"]);
      const broken: FiguresStore<number> = {
        load: () => Promise.reject(new Error("down")), save: () => Promise.reject(new Error("down")), forget: () => Promise.reject(new Error("down")),
      };
      const resilient = new ResultsCache<number>({ cacheAboveMs: 0, store: broken });
      expect(await resilient.get("s", "k", async () => 7)).toBe(7);
      resilient.forget(null);
    });
  });

  describe("with a version", () => {
    it("keeps figures past their fresh window while the version holds, and recomputes once it moves", async () => {
      let now = 1_000_000;
      let version = "v1";
      let computed = 0;
      const cache = new ResultsCache<number>({
        now: () => now, cacheAboveMs: 0, freshMs: 1_000, staleMs: 10_000, version: async () => version,
      });
      const compute = async () => ++computed;
      expect(await cache.get("s", "k", compute)).toBe(1);
      now += 60_000; // far past stale, but nothing changed: still exact
      expect(await cache.get("s", "k", compute)).toBe(1);
      expect(computed).toBe(1);
      version = "v2";
      now += 2_000; // past fresh, within stale: the old figures once more, a refresh behind them
      expect(await cache.get("s", "k", compute)).toBe(1);
      await Promise.resolve();
      await Promise.resolve();
      expect(computed).toBe(2);
      expect(await cache.get("s", "k", compute)).toBe(2);
    });

    it("does not trust a version it could not read", async () => {
      let now = 0;
      let computed = 0;
      const cache = new ResultsCache<number>({
        now: () => now, cacheAboveMs: 0, freshMs: 1_000, staleMs: 10_000, version: () => Promise.reject(new Error("down")),
      });
      await cache.get("s", "k", async () => ++computed);
      now += 60_000;
      expect(await cache.get("s", "k", async () => ++computed)).toBe(2);
    });
  });
});
