import { describe, expect, it } from "vitest";
import { conversationKey, conversationTextHash, normalizeText, promptKey, promptTextHash } from "./prompt-key";

describe("normalizeText", () => {
  it("trims and collapses every run of whitespace, line breaks included", () => {
    expect(normalizeText("  a \t b\r\n\r\nc\u00a0 d  ")).toBe("a b c d");
  });

  it("applies NFC so composed and decomposed accents are equal", () => {
    expect(normalizeText("cafe\u0301")).toBe(normalizeText("caf\u00e9"));
  });

  it("keeps case and punctuation", () => {
    expect(normalizeText("Explain X.")).not.toBe(normalizeText("explain x"));
  });
});

describe("promptKey", () => {
  it("matches an AlpacaEval row (input folded in) with a row that has a separate input", () => {
    const alpacaEval = promptKey("Rewrite the sentence.\n\nThe cat sat.");
    expect(promptKey("Rewrite the sentence.\n", "The cat sat.")).toBe(alpacaEval);
    expect(promptKey("Rewrite the sentence.", "  The cat sat.  ")).toBe(alpacaEval);
  });

  it("ignores a blank input", () => {
    expect(promptKey("Say hi", "  \n")).toBe("Say hi");
    expect(promptKey("Say hi")).toBe("Say hi");
  });

  it("treats CRLF and LF files alike", () => {
    expect(promptKey("a\r\nb", "c")).toBe(promptKey("a\nb", "c"));
  });
});

describe("conversationKey", () => {
  it("keys a one-turn conversation exactly like the same single instruction, folded input included", () => {
    expect(conversationKey(["Say hi"])).toBe(promptKey("Say hi"));
    expect(conversationKey(["Rewrite the sentence.\n\nThe cat sat."])).toBe(promptKey("Rewrite the sentence.", "The cat sat."));
    expect(conversationTextHash(["  Say\r\nhi "])).toBe(promptTextHash("Say hi", ""));
  });

  it("keeps turns apart: two turns never key like one instruction holding both texts", () => {
    expect(conversationKey(["Plan a trip.", "Cheaper."])).not.toBe(promptKey("Plan a trip.\n\nCheaper."));
    expect(conversationKey(["a b", "c"])).not.toBe(conversationKey(["a", "b c"]));
  });

  it("normalizes each turn as single prompts are, and keeps their order", () => {
    expect(conversationKey(["Plan  a trip.", "Cheaper.\r\n"])).toBe(conversationKey(["Plan a trip.", " Cheaper."]));
    expect(conversationKey(["a", "b"])).not.toBe(conversationKey(["b", "a"]));
  });
});
