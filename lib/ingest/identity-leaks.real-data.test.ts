// Leak screening on the real AlpacaEval outputs in ../shared/data (skipped when absent).
import { describe, expect, it } from "vitest";
import { parseUpload } from "./parse-upload";
import { findIdentityLeaks } from "./identity-leaks";
import { hasRealData, readRealFile, REAL_FILES } from "./test-real-data";
import type { OutputRecord } from "./types";

function records(file: string): OutputRecord[] {
  const result = parseUpload(readRealFile(file), { allowEmptyOutputs: true });
  if (!result.ok || result.kind !== "outputs") throw new Error(`${file} did not parse as outputs`);
  return result.records;
}

describe.skipIf(!hasRealData)("leak screening on real outputs", () => {
  it("flags none of the 1,610 real alpaca-7b and text-davinci-003 answers", () => {
    // Both files introduce personas ("I am Freyja"), discuss ChatGPT when asked ("I am not as capable
    // as ChatGPT") and describe libraries "developed by Google": none of that names the author.
    expect(findIdentityLeaks(records(REAL_FILES.alpaca7b), { modelNames: ["text_davinci_003"] })).toEqual([]);
    expect(findIdentityLeaks(records(REAL_FILES.davinci003), { modelNames: ["alpaca-7b"] })).toEqual([]);
  });

  it("catches a self-introduction naming another model in the davinci file", () => {
    const davinci = records(REAL_FILES.davinci003);
    const target = davinci.findIndex((r) => r.instruction.startsWith("Hi, can you help me write my memoir?"));
    expect(target).toBeGreaterThanOrEqual(0);
    const planted = davinci.map((r, i) => i === target
      ? { ...r, output: `I'm Alpaca, a model fine-tuned from LLaMA by Stanford. ${r.output}` }
      : r);
    const leaks = findIdentityLeaks(planted, { modelNames: ["alpaca-7b"] });
    expect(leaks).toEqual([expect.objectContaining({ row: davinci[target]!.row, model: "text_davinci_003", phrase: "i'm alpaca" })]);
  });

  it("catches 'trained by' and 'as an AI developed by' in real answers, not plain mentions of the animals", () => {
    const alpaca = records(REAL_FILES.alpaca7b);
    const animals = alpaca.filter((r) => /\b(?:alpaca|llama)s?\b/i.test(r.output));
    const planted = [
      ...animals,
      { ...alpaca[0]!, output: `As an AI developed by Meta, I can say: ${alpaca[0]!.output}` },
      { ...alpaca[1]!, output: `${alpaca[1]!.output}\n\n(I was trained by OpenAI.)` },
    ];
    const leaks = findIdentityLeaks(planted);
    expect(leaks.map((l) => l.phrase)).toEqual(["as an ai developed by meta", "i was trained by openai"]);
  });

  it("leaves plain mentions of alpacas and llamas alone", () => {
    const text = "Alpacas and llamas are both camelids. An alpaca is smaller than a llama; the Alpaca fleece is softer.";
    const base = records(REAL_FILES.alpaca7b)[0]!;
    expect(findIdentityLeaks([{ ...base, output: text }], { modelNames: ["alpaca-7b", "llama-2-70b-chat"] })).toEqual([]);
  });
});
