import { afterEach, describe, expect, it, vi } from "vitest";

async function freshMachinery(off: string) {
  vi.resetModules();
  vi.stubEnv("PAIRWISE_MACHINERY_OFF", off);
  vi.stubEnv("DATABASE_URL", "postgresql://x@127.0.0.1/x");
  return import("./machinery");
}

afterEach(() => vi.unstubAllEnvs());

describe("machineryOn", () => {
  it("has everything on by default", async () => {
    const { MACHINERY, machineryOn } = await freshMachinery("");
    expect(Object.values(MACHINERY).every(machineryOn)).toBe(true);
  });

  it("turns off the named ones, or all", async () => {
    const named = await freshMachinery("results-cache, next-fast-path");
    expect(named.machineryOn("results-cache")).toBe(false);
    expect(named.machineryOn("next-fast-path")).toBe(false);
    expect(named.machineryOn("decoded-cookies")).toBe(true);
    const all = await freshMachinery("all");
    expect(Object.values(all.MACHINERY).some(all.machineryOn)).toBe(false);
  });
});
