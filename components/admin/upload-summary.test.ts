import { describe, expect, it } from "vitest";
import { describeConversations } from "./upload-summary";

describe("describeConversations", () => {
  it("says how many rows have how many turns", () => {
    expect(describeConversations([{ turns: 1, rows: 1 }, { turns: 2, rows: 80 }])).toBe("1 row of 1 turn, 80 rows of 2 turns");
    expect(describeConversations([])).toBe("");
  });
});
