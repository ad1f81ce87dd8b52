import { describe, expect, it } from "vitest";
import { formatIngestErrors } from "./ingest-error";
import { parseUpload } from "./parse-upload";
import { hasRealData, readRealFile, readRealJson, readRealJsonLines, REAL_FILES } from "./test-real-data";
import type { OutputRecord, ParseResult, PromptRecord } from "./types";

type AlpacaEvalRow = { instruction: string; output: string; generator: string; dataset: string };
type PredictionRow = { instruction: string; input: string; response: string };
type UserOrientedRow = { id: string; motivation_app: string; instruction: string; instances: { input: string }[] };

function outputs(result: ParseResult): OutputRecord[] {
  if (!result.ok || result.kind !== "outputs")
    throw new Error(`expected outputs, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.records;
}

function prompts(result: ParseResult): PromptRecord[] {
  if (!result.ok || result.kind !== "prompts")
    throw new Error(`expected prompts, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.records;
}

// Deliberately simpler than prompt-key.ts (no NFC, no CRLF handling) so the checks below are
// an independent computation, not the code under test run twice.
const squash = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");

describe.skipIf(!hasRealData)("real data from ../shared/data (skipped when absent)", () => {
  it("alpaca-7b model_outputs.json parses as AlpacaEval: 805 records, model alpaca-7b", () => {
    const result = parseUpload(readRealFile(REAL_FILES.alpaca7b));
    expect(result).toMatchObject({
      ok: true,
      format: "alpaca_eval",
      kind: "outputs",
      rowCount: 805,
      models: ["alpaca-7b"],
    });
    const records = outputs(result);
    expect(records.filter((r) => r.category === "selfinstruct")).toHaveLength(252);
    expect(records.every((r) => r.input === "" && r.externalId === null)).toBe(true);
    // Pinned from `sha256sum` on the file, an independent tool.
    expect(result.ok && result.sha256).toBe("21048628f20187affc7d9c9e756d9618e08c4991fc8a48184612eb484565c5db");
  });

  it("text_davinci_003 has two empty outputs: rejected by default, 805 records when empty outputs are allowed", () => {
    const raw = readRealJson(REAL_FILES.davinci003) as AlpacaEvalRow[];
    const emptyRows = raw.flatMap((row, i) => (row.output.trim() === "" ? [i + 1] : []));
    expect(emptyRows).toEqual([248, 505]);
    const strict = parseUpload(readRealFile(REAL_FILES.davinci003));
    expect(strict.ok ? [] : formatIngestErrors(strict.errors)).toEqual([
      "row 248: output is empty",
      "row 505: output is empty",
    ]);
    const lenient = parseUpload(readRealFile(REAL_FILES.davinci003), { allowEmptyOutputs: true });
    expect(lenient).toMatchObject({ ok: true, format: "alpaca_eval", rowCount: 805, models: ["text_davinci_003"] });
  });

  it("the two AlpacaEval files answer the same 805 prompts (every promptKey of one is in the other)", () => {
    const a = new Set(outputs(parseUpload(readRealFile(REAL_FILES.alpaca7b))).map((r) => r.promptKey));
    const b = new Set(
      outputs(parseUpload(readRealFile(REAL_FILES.davinci003), { allowEmptyOutputs: true })).map((r) => r.promptKey),
    );
    expect(a.size).toBe(805);
    expect([...a].filter((key) => !b.has(key))).toEqual([]);
    expect([...b].filter((key) => !a.has(key))).toEqual([]);
  });

  it.each([REAL_FILES.davinci003Predictions, REAL_FILES.selfInstructPredictions])(
    "%s needs the output mapping",
    (file) => {
      const bytes = readRealFile(file);
      const unmapped = parseUpload(bytes, { modelName: "m" });
      expect(unmapped).toMatchObject({ ok: false, format: "self_instruct_predictions" });
      expect(unmapped.ok ? "" : unmapped.errors[0]?.message).toContain(
        'no "output" field; fields found: prompt, instruction, input, response, target — choose which field holds the output',
      );
      const noModel = parseUpload(bytes, { outputField: "response" });
      expect(noModel.ok ? "" : noModel.errors[0]?.message).toMatch(/enter the model name in the form/);
      const mapped = parseUpload(bytes, { outputField: "response", modelName: "davinci" });
      expect(mapped).toMatchObject({
        ok: true,
        format: "self_instruct_predictions",
        rowCount: 252,
        models: ["davinci"],
      });
      const raw = readRealJsonLines(file) as PredictionRow[];
      expect(outputs(mapped).map((r) => r.output)).toEqual(raw.map((row) => row.response.trim()));
    },
  );

  it("user_oriented_instructions.jsonl parses as a prompt set of 252 with categories and ids", () => {
    const result = parseUpload(readRealFile(REAL_FILES.userOriented));
    expect(result).toMatchObject({
      ok: true,
      format: "self_instruct_prompts",
      kind: "prompts",
      rowCount: 252,
      models: [],
      leaks: [],
    });
    const records = prompts(result);
    const raw = readRealJsonLines(REAL_FILES.userOriented) as UserOrientedRow[];
    expect(records.map((r) => r.category)).toEqual(raw.map((row) => row.motivation_app));
    expect(new Set(records.map((r) => r.category)).size).toBe(new Set(raw.map((row) => row.motivation_app)).size);
    expect(records.map((r) => r.externalId)).toEqual(raw.map((row) => row.id));
    expect(records.map((r) => r.input)).toEqual(raw.map((row) => row.instances[0]?.input.trim()));
  });

  it("Self-Instruct prompt keys (instruction + input) match the 252 AlpacaEval selfinstruct rows", () => {
    const alpacaEval = readRealJson(REAL_FILES.alpaca7b) as AlpacaEvalRow[];
    const selfInstructRows = new Set(
      alpacaEval.filter((r) => r.dataset === "selfinstruct").map((r) => squash(r.instruction)),
    );
    const userOriented = readRealJsonLines(REAL_FILES.userOriented) as UserOrientedRow[];
    const predictions = readRealJsonLines(REAL_FILES.davinci003Predictions) as PredictionRow[];
    const independentPrompts = userOriented.filter((r) =>
      selfInstructRows.has(squash(`${r.instruction} ${r.instances[0]?.input ?? ""}`)),
    );
    const independentPredictions = predictions.filter((r) =>
      selfInstructRows.has(squash(`${r.instruction} ${r.input}`)),
    );
    // All 252 match once whitespace is normalized. Exact text comparison would match only 234
    // prediction rows: 18 of their instructions end with a stray "\n" that AlpacaEval does not have.
    expect(independentPrompts).toHaveLength(252);
    expect(independentPredictions).toHaveLength(252);

    const alpacaKeys = new Set(outputs(parseUpload(readRealFile(REAL_FILES.alpaca7b))).map((r) => r.promptKey));
    const promptKeys = prompts(parseUpload(readRealFile(REAL_FILES.userOriented))).map((r) => r.promptKey);
    const predictionKeys = outputs(
      parseUpload(readRealFile(REAL_FILES.davinci003Predictions), { outputField: "response", modelName: "m" }),
    ).map((r) => r.promptKey);
    expect(promptKeys.filter((key) => alpacaKeys.has(key))).toHaveLength(independentPrompts.length);
    expect(predictionKeys.filter((key) => alpacaKeys.has(key))).toHaveLength(independentPredictions.length);
  });

  it("the AlpacaEval annotations file is recognized as judge annotations, not outputs", () => {
    const result = parseUpload(readRealFile(REAL_FILES.annotations));
    expect(result).toMatchObject({ ok: false, format: "alpaca_eval_annotations" });
    expect(result.ok ? "" : result.errors[0]?.message).toMatch(/^this is an AlpacaEval judge annotation file/);
  });

  it("flags none of the alpaca-7b outputs: naming OpenAI or GPT-3 is not a self-reference", () => {
    // Row 298 describes a library "developed by OpenAI"; row 423 repeats "GPT-3" from its own prompt.
    // Self-introductions are tested in identity-leaks.real-data.test.ts.
    const result = parseUpload(readRealFile(REAL_FILES.alpaca7b));
    expect(result.ok && result.leaks).toEqual([]);
  });
});
