import { describe, expect, it } from "vitest";
import { buildLeakMatcher, DEFAULT_LEAK_PHRASES, excerptAround, findIdentityLeaks } from "./identity-leaks";
import type { OutputRecord } from "./types";

const match = buildLeakMatcher([...DEFAULT_LEAK_PHRASES, "alpaca", "text_davinci_003"]);
const phraseIn = (text: string) => match(text)?.phrase ?? null;

describe("buildLeakMatcher", () => {
  it.each([
    ["As an AI language model, I cannot", "as an ai language model"],
    ["I'm ChatGPT, a model", "i'm chatgpt"],
    ["I’m ChatGPT, a model", "i'm chatgpt"],
    ["I am an AI assistant", "i am an ai"],
    ["I was trained by OpenAI.", "trained by openai"],
    ["Models like GPT-3.", "gpt-3"],
    ["Models like GPT 3 and gpt4", "gpt-3"],
    ["I run on gpt-4o.", "gpt-4"],
    ["an Azure gpt-35-turbo deployment", "gpt-3"],
    ["OpenAI's mission", "openai"],
    ["Built by Anthropic", "anthropic"],
    ["I am the text-davinci-003 model", "text_davinci_003"],
    ["Hi, I'm Alpaca.", "alpaca"],
  ])("flags %j as %s", (text, phrase) => {
    expect(phraseIn(text)).toBe(phrase);
  });

  it.each([
    ["Llamas and alpacas are camelids."],
    ["I am an aide to the mayor."],
    ["The reopenairport plan"],
    ["Nothing to see here."],
  ])("does not flag %j", (text) => {
    expect(phraseIn(text)).toBeNull();
  });

  it("reports the longer phrase when one contains another", () => {
    expect(phraseIn("a model developed by OpenAI")).toBe("developed by openai");
  });

  it("ignores phrases shorter than 3 characters", () => {
    expect(buildLeakMatcher(["v1", "ai"])("ai v1")).toBeNull();
  });
});

describe("findIdentityLeaks", () => {
  const record = (row: number, model: string, output: string): OutputRecord => ({
    row,
    model,
    instruction: "q",
    input: "",
    output,
    category: null,
    externalId: null,
    promptKey: `q${row}`,
  });

  it("adds the upload's model names to the phrases and returns one flag per output", () => {
    const records = [
      record(1, "vicuna-13b", "I am Vicuna-13B, as an AI language model."),
      record(2, "vicuna-13b", "Paris."),
    ];
    expect(findIdentityLeaks(records, ["openai"])).toEqual([
      {
        row: 1,
        model: "vicuna-13b",
        promptKey: "q1",
        phrase: "vicuna-13b",
        excerpt: "I am Vicuna-13B, as an AI language model.",
      },
    ]);
  });

  it("uses only the given phrase list (plus model names) when one is passed", () => {
    expect(findIdentityLeaks([record(1, "m1", "as an AI language model")], ["bard"])).toEqual([]);
  });
});

describe("excerptAround", () => {
  it("cuts long text around the match and flattens line breaks", () => {
    const text = `${"x".repeat(100)}\nI am ChatGPT\n${"y".repeat(100)}`;
    const excerpt = excerptAround(text, 101, 12);
    expect(excerpt).toBe(`…${"x".repeat(39)} I am ChatGPT ${"y".repeat(39)}…`);
  });
});
