import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, describeBytes, resolveLimits } from "./limits";

describe("resolveLimits", () => {
  it("returns the defaults when nothing is overridden", () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
  });

  it("overrides only the given limits", () => {
    const limits = resolveLimits({ maxRows: 10 });
    expect(limits.maxRows).toBe(10);
    expect(limits.maxBytes).toBe(DEFAULT_LIMITS.maxBytes);
  });

  it("throws on a limit that is not a positive integer (a caller bug)", () => {
    expect(() => resolveLimits({ maxRows: 0 })).toThrow(/maxRows/);
    expect(() => resolveLimits({ maxBytes: 1.5 })).toThrow(/maxBytes/);
    expect(() => resolveLimits({ maxDepth: Number.NaN })).toThrow(/maxDepth/);
  });

  it("defaults leave room for a 52,000-row, ~50 MB Alpaca file", () => {
    expect(DEFAULT_LIMITS.maxRows).toBeGreaterThanOrEqual(52_000);
    expect(DEFAULT_LIMITS.maxBytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });
});

describe("describeBytes", () => {
  it("gives the exact count and a rounded MB figure", () => {
    expect(describeBytes(52_428_800)).toBe("52,428,800 bytes (50.0 MB)");
  });
});
