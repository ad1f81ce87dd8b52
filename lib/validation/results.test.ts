import { describe, expect, it } from "vitest";
import { exportQuerySchema, judgePreference, judgeRowSchema, resultsQuerySchema } from "./results";

describe("resultsQuerySchema", () => {
  it("splits, trims and de-duplicates excluded pseudonyms; defaults the page", () => {
    const q = resultsQuerySchema.parse({ exclude: " r_a,r_b,,r_a " });
    expect(q).toMatchObject({ exclude: ["r_a", "r_b"], page: 1, pageSize: 25 });
    expect(resultsQuerySchema.parse({}).exclude).toEqual([]);
  });

  it("rejects bad pages and outcomes", () => {
    expect(resultsQuerySchema.safeParse({ page: "0" }).success).toBe(false);
    expect(resultsQuerySchema.safeParse({ pageSize: "1000" }).success).toBe(false);
    expect(resultsQuerySchema.safeParse({ outcome: "C" }).success).toBe(false);
    expect(resultsQuerySchema.parse({ outcome: "", page: "3" })).toMatchObject({ outcome: undefined, page: 3 });
  });
});

describe("exportQuerySchema", () => {
  it("accepts the four formats only", () => {
    for (const format of ["csv", "jsonl", "alpaca_eval", "battles"]) expect(exportQuerySchema.safeParse({ format }).success).toBe(true);
    expect(exportQuerySchema.safeParse({ format: "xlsx" }).success).toBe(false);
  });
});

describe("judge rows", () => {
  const row = { instruction: "Hi", output_1: "a", output_2: "b", generator_1: "m1", generator_2: "m2", preference: 1 };

  it("maps AlpacaEval preferences to a winner", () => {
    expect(judgePreference(1)).toBe(1);
    expect(judgePreference(2)).toBe(2);
    expect(judgePreference(0)).toBeNull();
    expect(judgePreference(1.5)).toBeNull();
    expect(judgePreference(1.2)).toBe(1);
    expect(judgePreference(1.9)).toBe(2);
  });

  it("rejects missing generators and impossible preferences", () => {
    expect(judgeRowSchema.safeParse(row).success).toBe(true);
    expect(judgeRowSchema.safeParse({ ...row, preference: 3 }).success).toBe(false);
    expect(judgeRowSchema.safeParse({ ...row, preference: null }).success).toBe(false);
    expect(judgeRowSchema.safeParse({ ...row, generator_2: " " }).success).toBe(false);
  });
});
