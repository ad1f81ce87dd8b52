import { describe, expect, it } from "vitest";
import { createErrorCollector, formatIngestError, formatIngestErrors } from "./ingest-error";

describe("formatIngestError", () => {
  it('renders row errors as "row N: message"', () => {
    expect(formatIngestError({ row: 17, field: "output", message: "output is empty" })).toBe("row 17: output is empty");
  });

  it("renders file-level errors without a prefix", () => {
    expect(formatIngestError({ message: "the file is empty" })).toBe("the file is empty");
  });
});

describe("formatIngestErrors", () => {
  it("mentions errors that were counted but not kept", () => {
    const lines = formatIngestErrors([{ row: 1, message: "a" }], 1_235);
    expect(lines).toEqual(["row 1: a", "…and 1,234 more"]);
  });
});

describe("createErrorCollector", () => {
  it("keeps the first N errors and counts all of them", () => {
    const collector = createErrorCollector(2);
    for (let row = 1; row <= 5; row += 1) collector.add({ row, message: "bad" });
    expect(collector.errors.map((e) => e.row)).toEqual([1, 2]);
    expect(collector.count).toBe(5);
  });
});
