// Judge import on real data: GPT-4's AlpacaEval annotations of alpaca-7b vs text_davinci_003 (805 prompts)
// onto a study built from the two models' real outputs. Skipped when ../shared/data is absent.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importJudgeRun } from "@/lib/data/judges";
import { getStudyResults } from "@/lib/results/study-results";
import { makeStudyFromAlpacaEval } from "./factories-results";

const DATA = join(process.cwd(), "..", "shared", "data");
const ANNOTATIONS = join(DATA, "alpaca_eval.alpaca-7b.alpaca_eval_gpt4.annotations.json");
const DAVINCI = join(DATA, "alpaca_eval.text_davinci_003.model_outputs.json");
const ALPACA = join(DATA, "alpaca_eval.alpaca-7b.model_outputs.json");
const present = [ANNOTATIONS, DAVINCI, ALPACA].every((f) => existsSync(f));

describe.skipIf(!present)("judge import (real AlpacaEval GPT-4 annotations; needs ../shared/data)", () => {
  let studyId = "";
  let text = "";

  beforeAll(async () => {
    const built = await makeStudyFromAlpacaEval(DAVINCI, ALPACA);
    studyId = built.study.id;
    expect(built.pairs).toBe(805);
    text = await readFile(ANNOTATIONS, "utf8");
  });

  it("matches all 805 rows and stores GPT-4's tally: text_davinci_003 584, alpaca-7b 205, 16 draws", async () => {
    const result = await importJudgeRun(studyId, text, { fileName: "annotations.json" });
    expect(result).toMatchObject({ ok: true, run: { name: "alpaca_eval_gpt4", labels: 805, wins: { text_davinci_003: 584, "alpaca-7b": 205 }, draws: 16 } });
    const results = (await getStudyResults(studyId))!;
    const judge = results.judges[0]!;
    expect(judge.comparisons).toHaveLength(1);
    const c = judge.comparisons[0]!;
    // Output A of every pair is text_davinci_003, so the comparison reads davinci first.
    expect(c).toMatchObject({ modelA: "text_davinci_003", modelB: "alpaca-7b", winsA: 584, winsB: 205, draws: 16 });
    expect(c.headline).toBe("text_davinci_003 wins 584 versus 205 comparisons against alpaca-7b (with 16 ties)");
    // No human votes yet: nothing to compare with.
    expect(judge.agreement).toMatchObject({ compared: 0, rate: null });
  });

  it("refuses the same file twice", async () => {
    const again = await importJudgeRun(studyId, text, {});
    expect(again).toMatchObject({ ok: false, status: 409 });
  });

  it("is all-or-nothing, with errors naming the rows", async () => {
    const rows = JSON.parse(text) as Record<string, unknown>[];
    const broken = rows.slice(0, 10).map((r) => ({ ...r }));
    broken[2]!.preference = 7;
    broken[4]!.generator_2 = "gpt-99";
    broken[6]!.instruction = "An instruction this study never asked";
    broken[8] = { ...broken[7]! };
    const result = await importJudgeRun(studyId, JSON.stringify(broken), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(422);
    expect(result.errors).toEqual([expect.stringMatching(/^row 3: preference: /)]);
    broken[2]!.preference = 1;
    const second = await importJudgeRun(studyId, JSON.stringify(broken), {});
    if (second.ok) throw new Error("expected a failure");
    expect(second.errors).toEqual([
      expect.stringMatching(/^row 5: "gpt-99" is not a model of this study/),
      expect.stringMatching(/^row 7: no pair in this study for the instruction "An instruction this study never asked"/),
      "row 9: the same prompt and models as row 8",
    ]);
    expect(await db.judgeRun.count({ where: { studyId } })).toBe(1);
    expect(await importJudgeRun(studyId, "{not json", {})).toMatchObject({ ok: false, status: 422 });
    expect(await importJudgeRun("no-such-study", "[]", {})).toMatchObject({ ok: false, status: 404 });
  });
});
