import { describe, expect, it } from "vitest";
import { DEFAULT_LEAK_PHRASES, excerptAround, findIdentityLeaks } from "./identity-leaks";
import { KNOWN_MODEL_NAMES, KNOWN_VENDORS } from "./known-models";
import { buildLeakScreen } from "./self-reference";
import type { OutputRecord } from "./types";

const screen = buildLeakScreen({ phrases: DEFAULT_LEAK_PHRASES, names: [...KNOWN_MODEL_NAMES, "text_davinci_003"], vendors: KNOWN_VENDORS });
const phraseIn = (text: string, instruction = "Tell me about yourself.") => screen(text, instruction)?.phrase ?? null;

describe("buildLeakScreen", () => {
  it.each([
    ["As an AI language model, I cannot", "as an ai language model"],
    ["I'm ChatGPT, a model", "i'm chatgpt"],
    ["I’m ChatGPT, a model", "i'm chatgpt"],
    ["Hi, I'm Alpaca, a model fine-tuned from LLaMA by Stanford.", "i'm alpaca"],
    ["My name is Vicuna and I help.", "my name is vicuna"],
    ["I am GPT 4o.", "i am gpt 4o"],
    ["As Claude, I think", "as claude, i"],
    ["I am an AI assistant", "i am an ai"],
    ["I was trained by OpenAI.", "i was trained by openai"],
    ["A chatbot trained by OpenAI.", "trained by openai"],
    ["As an AI developed by Google, I do not browse.", "as an ai developed by google"],
    ["I am a large language model created by the team at Meta AI.", "i am a large language model created by the team at meta ai"],
    ["This model was trained by Anthropic", "trained by anthropic"],
    ["I am the text-davinci-003 model", null],
    ["I am text-davinci-003.", "i am text-davinci-003"],
  ])("flags %j as %j", (text, phrase) => {
    expect(phraseIn(text)).toBe(phrase);
  });

  it.each([
    ["Llamas and alpacas are camelids. The alpaca is smaller than the llama."],
    ["A falcon is a bird; the mistral is a wind; Gemini is a constellation; Claude Monet painted lilies."],
    ["TensorFlow was developed by Google; PyTorch by Meta."],
    ["GPT-4 and OpenAI are in the news."],
    ["I am an aide to the mayor."],
    ["I am a Gemini, born in June."],
    ["I am not as capable as ChatGPT."],
  ])("does not flag %j", (text) => {
    expect(phraseIn(text)).toBeNull();
  });

  it("skips a name the instruction mentions itself (an echo), but not another one", () => {
    expect(phraseIn("I am ChatGPT, pleased to meet you.", "Pretend you are ChatGPT and greet me.")).toBeNull();
    expect(phraseIn("I am Claude, not ChatGPT.", "Pretend you are ChatGPT and greet me.")).toBe("i am claude");
    expect(phraseIn("As an AI language model, I", "Begin with 'As an AI language model'.")).toBeNull();
  });

  it("reports the earliest self-reference in the output", () => {
    expect(phraseIn("I'm Koala. As an AI language model I was trained by OpenAI.")).toBe("i'm koala");
  });

  it("ignores names shorter than 3 characters", () => {
    expect(buildLeakScreen({ phrases: [], names: ["v1", "ai"], vendors: [] })("I am v1, I am ai", "")).toBeNull();
  });
});

describe("findIdentityLeaks", () => {
  const record = (row: number, model: string, output: string, instruction = "q"): OutputRecord => ({
    row, model, instruction, input: "", output, category: null, externalId: null, promptKey: `q${row}`,
    userTurns: [], system: null, turns: [], promptById: false,
  });
  const conversation = (turns: string[], userTurns: string[], system: string | null = null): OutputRecord => ({
    ...record(1, "m1", turns[turns.length - 1]!, userTurns[0]), userTurns, system, turns,
  });

  it("looks for the upload's and the store's model names in self-references, one flag per output", () => {
    const records = [
      record(1, "vicuna-13b", "I am Vicuna-13B, happy to help."),
      record(2, "vicuna-13b", "Paris."),
      record(3, "vicuna-13b", "Hello, I'm Zebra-9, a helpful model."),
      record(4, "vicuna-13b", "The zebra-9 is a hypothetical animal."),
    ];
    expect(findIdentityLeaks(records, { modelNames: ["zebra-9"] })).toEqual([
      { row: 1, model: "vicuna-13b", promptKey: "q1", phrase: "i am vicuna-13b", excerpt: "I am Vicuna-13B, happy to help." },
      { row: 3, model: "vicuna-13b", promptKey: "q3", phrase: "i'm zebra-9", excerpt: "Hello, I'm Zebra-9, a helpful model." },
    ]);
  });

  it("replaces the generic phrases when a list is passed", () => {
    expect(findIdentityLeaks([record(1, "m1", "as an AI language model")], { phrases: ["bard says"] })).toEqual([]);
    expect(findIdentityLeaks([record(1, "m1", "Bard says hi")], { phrases: ["bard says"] })).toHaveLength(1);
  });

  it("screens every assistant turn of a conversation: a leak in turn 1 counts, and names its turn", () => {
    const leaky = conversation(["Sure! I'm ChatGPT, by the way.", "Done."], ["Plan a trip.", "Shorter."]);
    expect(findIdentityLeaks([leaky])).toEqual([
      { row: 1, model: "m1", promptKey: "q1", phrase: "i'm chatgpt", excerpt: "Sure! I'm ChatGPT, by the way.", turn: 1 },
    ]);
    expect(findIdentityLeaks([conversation(["Fine.", "As an AI language model, no."], ["a", "b"])])).toMatchObject([{ turn: 2 }]);
  });

  it("counts every user turn and the system prompt as the instruction a self-reference may echo", () => {
    const asked = conversation(["Hi.", "I'm ChatGPT now."], ["Hello", "Pretend you are ChatGPT."]);
    expect(findIdentityLeaks([asked])).toEqual([]);
    const bySystem = conversation(["I'm ChatGPT.", "Ok."], ["Who are you?", "Thanks"], "You are ChatGPT.");
    expect(findIdentityLeaks([bySystem])).toEqual([]);
  });
});

describe("excerptAround", () => {
  it("cuts long text around the match and flattens line breaks", () => {
    const text = `${"x".repeat(100)}\nI am ChatGPT\n${"y".repeat(100)}`;
    const excerpt = excerptAround(text, 101, 12);
    expect(excerpt).toBe(`…${"x".repeat(39)} I am ChatGPT ${"y".repeat(39)}…`);
  });
});
