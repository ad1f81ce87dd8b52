import { describe, expect, it } from "vitest";
import { conversationRefusal } from "./conversations";

describe("export formats for conversation studies", () => {
  it("refuses AlpacaEval's one-instruction format for a study with conversations, naming the formats that fit", () => {
    expect(conversationRefusal("alpaca_eval", true)).toMatchObject({ code: "format_not_for_conversations", message: expect.stringContaining("format=battles") as string });
    expect(conversationRefusal("alpaca_eval", false)).toBeNull();
    for (const format of ["csv", "jsonl", "battles"] as const) expect(conversationRefusal(format, true)).toBeNull();
  });
});
