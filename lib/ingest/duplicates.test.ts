import { describe, expect, it } from "vitest";
import { createDuplicateTracker } from "./duplicates";

const record = (row: number, model: string | null, promptKey: string, externalId: string | null = null) => ({
  row,
  model,
  promptKey,
  externalId,
});

describe("createDuplicateTracker", () => {
  it("names both rows of a repeated (model, prompt)", () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check(record(3, "m", "p"))).toBeNull();
    expect(tracker.check(record(17, "m", "p"))).toEqual({
      row: 17,
      field: "instruction",
      message: 'rows 3 and 17 are duplicates: the same prompt for model "m"',
    });
  });

  it("allows the same prompt for different models", () => {
    const tracker = createDuplicateTracker();
    tracker.check(record(1, "a", "p"));
    expect(tracker.check(record(2, "b", "p"))).toBeNull();
  });

  it("lets an explicit id decide: same id is a duplicate, different ids are not", () => {
    const tracker = createDuplicateTracker();
    tracker.check(record(1, null, "p", "x"));
    expect(tracker.check(record(2, null, "p", "y"))).toBeNull();
    expect(tracker.check(record(3, null, "other text", "x"))?.message).toBe(
      'rows 1 and 3 are duplicates: the same id "x"',
    );
  });
});
