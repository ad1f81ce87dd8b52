import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";

describe("detectFormat", () => {
  it("recognizes AlpacaEval outputs (JSON array, generator, no input)", () => {
    const fields = ["instruction", "dataset", "output", "generator"];
    expect(detectFormat({ container: "json", fields })).toEqual({
      ok: true,
      format: "alpaca_eval",
      kind: "outputs",
      outputField: "output",
    });
  });

  it("calls rows with an input Alpaca, in JSON or JSONL", () => {
    const fields = ["instruction", "input", "output", "generator"];
    expect(detectFormat({ container: "json", fields })).toMatchObject({ ok: true, format: "alpaca_json" });
    expect(detectFormat({ container: "jsonl", fields })).toMatchObject({ ok: true, format: "alpaca_jsonl" });
  });

  it("recognizes CSV by its container", () => {
    expect(detectFormat({ container: "csv", fields: ["instruction", "output", "model"] })).toMatchObject({
      ok: true,
      format: "csv",
    });
  });

  it("refuses Self-Instruct predictions without a mapping, naming the fields found", () => {
    const fields = ["prompt", "instruction", "input", "response", "target"];
    const detection = detectFormat({ container: "jsonl", fields, modelName: "m" });
    expect(detection).toMatchObject({ ok: false, format: "self_instruct_predictions" });
    expect(detection.ok ? "" : detection.message).toContain(
      'no "output" field; fields found: prompt, instruction, input, response, target — choose which field holds the output',
    );
    expect(detectFormat({ container: "jsonl", fields, modelName: "m", outputField: "response" })).toMatchObject({
      ok: true,
      format: "self_instruct_predictions",
      outputField: "response",
    });
  });

  it("says when a chosen output field does not exist", () => {
    const detection = detectFormat({
      container: "csv",
      fields: ["instruction", "answer"],
      outputField: "reply",
      modelName: "m",
    });
    expect(detection).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^no "reply" field \(chosen as the output field\); fields found: instruction, answer/,
      ),
    });
  });

  it("needs a model name when the file names none", () => {
    const detection = detectFormat({ container: "jsonl", fields: ["instruction", "output"] });
    expect(detection).toMatchObject({ ok: false, message: expect.stringMatching(/does not name its model/) });
    expect(detectFormat({ container: "jsonl", fields: ["instruction", "output"], modelName: "m" })).toMatchObject({
      ok: true,
    });
  });

  it("recognizes the Self-Instruct user-oriented set as prompts", () => {
    const fields = ["id", "motivation_app", "instruction", "instances"];
    expect(detectFormat({ container: "jsonl", fields })).toMatchObject({
      ok: true,
      format: "self_instruct_prompts",
      kind: "prompts",
    });
  });

  it("recognizes AlpacaEval judge annotations and refuses them as outputs", () => {
    const fields = ["instruction", "output_1", "generator_1", "output_2", "generator_2", "preference"];
    expect(detectFormat({ container: "json", fields })).toMatchObject({
      ok: false,
      format: "alpaca_eval_annotations",
      message: expect.stringMatching(/judge annotation file/),
    });
  });

  it("explains when there is no instruction field", () => {
    expect(detectFormat({ container: "jsonl", fields: ["question", "answer"] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^no "instruction" field; fields found: question, answer/),
    });
  });
});
