// Test-only helper: locates the shared real-data folder (../shared/data from the repo root).
// Tests must skip when it is absent: the files are public but never copied into this repository.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REAL_DATA_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../shared/data");

export const hasRealData = existsSync(REAL_DATA_DIR);

export const REAL_FILES = {
  alpaca7b: "alpaca_eval.alpaca-7b.model_outputs.json",
  davinci003: "alpaca_eval.text_davinci_003.model_outputs.json",
  annotations: "alpaca_eval.alpaca-7b.alpaca_eval_gpt4.annotations.json",
  userOriented: "self_instruct.user_oriented_instructions.jsonl",
  davinci003Predictions: "self_instruct.text-davinci-003_predictions.jsonl",
  selfInstructPredictions: "self_instruct.davinci-self-instruct_predictions.jsonl",
} as const;

export function readRealFile(name: string): Uint8Array {
  return readFileSync(path.join(REAL_DATA_DIR, name));
}

export function readRealJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(REAL_DATA_DIR, name), "utf8"));
}

export function readRealJsonLines(name: string): unknown[] {
  const text = readFileSync(path.join(REAL_DATA_DIR, name), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line): unknown => JSON.parse(line));
}
