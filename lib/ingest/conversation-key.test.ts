import { describe, expect, it } from "vitest";
import { conversationKey, conversationTextHash } from "./conversation-key";
import { promptKey, promptTextHash } from "./prompt-key";

describe("conversationKey", () => {
  it("keys a one-turn conversation exactly like the same single instruction", () => {
    expect(conversationKey(["  Write a haiku\r\nabout rain. "])).toBe(promptKey("Write a haiku\nabout rain."));
    expect(conversationTextHash(["Write a haiku about rain."])).toBe(promptTextHash("Write a haiku about rain.", ""));
  });

  it("keeps every user turn, in order, normalized as single prompts are", () => {
    expect(conversationKey(["Plan a  trip.", "Now\tcheaper."])).toBe("Plan a trip.\u0000Now cheaper.");
    expect(conversationKey(["B", "A"])).not.toBe(conversationKey(["A", "B"]));
  });

  it("never gives two turns the key of one prompt holding both texts", () => {
    expect(conversationKey(["A", "B"])).not.toBe(promptKey("A\nB"));
    expect(conversationTextHash(["A", "B"])).not.toBe(promptTextHash("A", "B"));
  });
});
