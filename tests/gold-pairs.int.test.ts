import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM } from "@/lib/data/audit";
import { listPairsForReview, setGoldAnswer, setGoldRate } from "@/lib/data/pair-review";
import { makePairFixture } from "./factories";

describe("gold pairs", () => {
  it("marks, switches and clears the known better output, only within the study", async () => {
    const f = await makePairFixture();
    expect(await setGoldAnswer(f.study.id, f.pair.id, "B", SYSTEM)).toBe(true);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).goldOutputId).toBe(f.outputB.id);
    const { pairs } = await listPairsForReview(f.study.id, 0);
    expect(pairs[0]).toMatchObject({ id: f.pair.id, gold: "B", modelA: f.modelA.name, modelB: f.modelB.name });
    expect(await setGoldAnswer(f.study.id, f.pair.id, "A", SYSTEM)).toBe(true);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).goldOutputId).toBe(f.outputA.id);
    expect(await setGoldAnswer(f.study.id, f.pair.id, null, SYSTEM)).toBe(true);
    expect((await db.pair.findUniqueOrThrow({ where: { id: f.pair.id } })).goldOutputId).toBeNull();
    const other = await makePairFixture();
    expect(await setGoldAnswer(other.study.id, f.pair.id, "A", SYSTEM)).toBe(false);
  });

  it("stores the gold rate, which the database keeps between 0 and 1", async () => {
    const f = await makePairFixture();
    expect(await setGoldRate(f.study.id, 0.25)).toBe(true);
    expect((await db.study.findUniqueOrThrow({ where: { id: f.study.id } })).goldRate).toBe(0.25);
    await expect(setGoldRate(f.study.id, 1.5)).rejects.toThrow(/Study_goldRate_check/);
  });
});
