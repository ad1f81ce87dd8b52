// A human-judgment file (MT-Bench's format) uploaded as outputs through runUpload, the function behind
// the upload page: each model's conversation per question becomes its output, with every assistant turn.
import { describe, expect, it } from "vitest";
import { runUpload } from "@/lib/data/run-upload";
import { db } from "@/lib/db";
import { uploadFormSchema } from "@/lib/validation/upload";
import { unique } from "./factories";

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("MT-Bench human judgments as outputs", () => {
  it("stores each model's two-turn conversation once, however many judges' rows carry it", async () => {
    const tag = unique("judged");
    const qid = 8_000_000 + Math.floor(Math.random() * 1_000_000);
    const userTurns = [`Describe a lighthouse (${tag}).`, "Now in one sentence."];
    const models = [`${tag}-m1`, `${tag}-m2`];
    const answers: Record<string, string[]> = { [models[0]!]: ["Tall and white.", "A tall white tower."], [models[1]!]: ["It guides ships.", "It guides ships at night."] };
    const conversation = (model: string) => userTurns.flatMap((u, i) => [{ role: "user", content: u }, { role: "assistant", content: answers[model]![i]! }]);
    const row = (judge: string, turn: number, winner: string) => ({
      question_id: qid, model_a: models[0], model_b: models[1], winner, judge, turn,
      conversation_a: conversation(models[0]!), conversation_b: conversation(models[1]!),
    });
    const file = [row("expert_0", 1, "model_a"), row("expert_1", 1, "tie"), row("expert_0", 2, "model_b")];

    const result = await runUpload(bytes(file), "human_judgments.json", uploadFormSchema.parse({}), null);
    expect(result.ok && result.status === "imported" && result.summary).toMatchObject({ format: "mt_bench_human_judgments", promptsNew: 1, outputsAdded: 2 });
    const prompt = await db.prompt.findUniqueOrThrow({ where: { externalId: String(qid) }, select: { userTurns: true, outputs: { select: { text: true, turns: true, model: { select: { name: true } } } } } });
    expect(prompt.userTurns).toEqual(userTurns);
    expect(prompt.outputs.map((o) => [o.model.name, o.turns, o.text]).sort()).toEqual(models.map((m) => [m, answers[m], answers[m]!.at(-1)]).sort());
  });
});
