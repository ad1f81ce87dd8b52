import { describe, it, expect } from "vitest";
import { mulberry32, mulberry32Bits, mulberry32Next, mulberry32Stream, randomInt, resolveSeed, seedFromString } from "./rng";

describe("mulberry32", () => {
  it("matches the reference C algorithm for seed 0", () => {
    // Reference: Tommy Ettinger's C mulberry32 (state += 0x6D2B79F5; ...), run as an
    // independent uint32 implementation in Python: first outputs 1144304738, 1416247, 958946056.
    const rng = mulberry32(0);
    expect(rng()).toBe(1144304738 / 2 ** 32);
    expect(rng()).toBe(1416247 / 2 ** 32);
    expect(rng()).toBe(958946056 / 2 ** 32);
  });

  it("matches the reference C algorithm for seed 42", () => {
    // Same independent reference implementation: 2581720956, 1925393290.
    const rng = mulberry32(42);
    expect(rng()).toBe(2581720956 / 2 ** 32);
    expect(rng()).toBe(1925393290 / 2 ** 32);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
  });

  it("stays in [0, 1) with a mean near 1/2", () => {
    const rng = mulberry32(123);
    let sum = 0;
    let outOfRange = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = rng();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
    }
    expect(outOfRange).toBe(0);
    // Uniform mean 1/2, standard error sqrt(1/12/n) ~ 0.0009; 0.005 is > 5 SE.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
  });
});

describe("mulberry32Stream", () => {
  it("draws mulberry32's numbers, through its rng or stepped by hand, interleaved", () => {
    const reference = mulberry32(42);
    const expected = Array.from({ length: 6 }, () => reference());
    expect(expected.slice(0, 2)).toEqual([2581720956 / 2 ** 32, 1925393290 / 2 ** 32]);
    const stream = mulberry32Stream(42);
    const got = [stream.rng(), stream.rng()];
    let state = stream.state;
    for (let i = 0; i < 2; i++) {
      state = mulberry32Next(state);
      got.push(mulberry32Bits(state) / 2 ** 32);
    }
    stream.state = state;
    got.push(stream.rng(), stream.rng());
    expect(got).toEqual(expected);
  });
});

describe("seedFromString", () => {
  it("matches published FNV-1a 32-bit test vectors", () => {
    // Vectors from the FNV reference test suite (Landon Curt Noll): "" -> 0x811c9dc5,
    // "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968.
    expect(seedFromString("")).toBe(0x811c9dc5);
    expect(seedFromString("a")).toBe(0xe40c292c);
    expect(seedFromString("foobar")).toBe(0xbf9cf968);
  });
});

describe("randomInt", () => {
  it("returns integers in [0, n) and reaches both ends", () => {
    const rng = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const x = randomInt(rng, 5);
      expect(Number.isInteger(x) && x >= 0 && x < 5).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("resolveSeed", () => {
  it("hashes strings, keeps numbers as unsigned 32-bit, defaults to 0", () => {
    expect(resolveSeed("a")).toBe(0xe40c292c);
    expect(resolveSeed(42)).toBe(42);
    // Hand: -1 >>> 0 = 2^32 - 1.
    expect(resolveSeed(-1)).toBe(4294967295);
    expect(resolveSeed(undefined)).toBe(0);
  });
});
