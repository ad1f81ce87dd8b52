import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvHeader, voteAlpacaEval, voteBattle, voteCsv, voteCsvLine, voteJson } from "./formats";
import { exportStream, formatNeedsInclusion } from "./stream";
import type { ExportVote } from "./types";

function vote(overrides: Partial<ExportVote> = {}): ExportVote {
  return {
    voteId: "v1", studyId: "s1", pairId: "p1", promptId: "q1", instruction: "Say hi", input: "", category: null,
    dataset: "demo", modelA: "alpaca-7b", modelB: "davinci", leftIsA: false, choice: "LEFT", winner: "davinci",
    rater: "r_abc", servedAt: new Date("2026-01-01T10:00:00Z"), votedAt: new Date("2026-01-01T10:00:12Z"),
    msTaken: 12000, tooFast: false, flagged: false, rationale: null, gold: false, excluded: false, isDemo: false,
    issuesA: [], issuesB: [], criteria: [], outputA: "hi", outputB: "hello", ...overrides,
  };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* batches(...groups: ExportVote[][]) {
  for (const g of groups) yield g;
}

// Ids as the app makes them: random base64url, so about 1 in 64 starts with "-".
function randomId(i: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  return Array.from({ length: 16 }, (_, k) => alphabet[(i * 7919 + k * 104729 + ((i * k) % 61)) % 64]).join("");
}

describe("export formats", () => {
  it("CSV says what JSONL says, cell by cell; only free text that starts like a formula gets its apostrophe", () => {
    const texts = ["=1+1", "-starts with minus", "+plus", "@at", "plain, with comma", 'a "quote"', "two\nlines", ""];
    const votes = Array.from({ length: 200 }, (_, i) =>
      vote({
        voteId: `-${randomId(i)}`.slice(i % 2), pairId: randomId(i + 1000), promptId: randomId(i + 2000), studyId: `-${randomId(i + 3000)}`,
        instruction: texts[i % texts.length]!, rationale: i % 3 ? texts[(i + 1) % texts.length]! : null, category: i % 5 ? null : "-cat",
        modelA: i % 4 ? "alpaca-7b" : "-model", choice: i % 2 ? "LEFT" : "TIE", winner: i % 2 ? "davinci" : null,
        issuesA: i % 3 ? [] : ["factual-error", "harmful"], issuesB: i % 7 ? [] : ["refusal"],
      }));
    const csv = csvHeader() + votes.map(voteCsv).join("");
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(votes.length);
    const freeTextColumns = new Set(["category", "dataset", "instruction", "input", "model_a", "model_b", "left_model", "right_model", "winner", "rationale"]);
    rows.forEach((row, i) => {
      const record = voteJson(votes[i]!);
      // JSONL keeps the marks per model; CSV has one column per side of the pair, keys joined by ";".
      const json: Record<string, unknown> = {
        ...record, issues_a: record.issues[record.model_a]!.join(";"), issues_b: record.issues[record.model_b]!.join(";"),
      };
      for (const column of CSV_COLUMNS) {
        const expected = json[column] === null || json[column] === undefined ? "" : String(json[column]);
        const guarded = freeTextColumns.has(column) && /^[=+\-@\t\r]/.test(expected) ? `'${expected}` : expected;
        expect(row[column], `row ${i} ${column}`).toBe(guarded);
      }
    });
    expect(rows.some((r) => r.vote_id!.startsWith("-"))).toBe(true);
    expect(rows.filter((r) => r.issues_a === "factual-error;harmful")).toHaveLength(67);
  });

  it("CSV: de-blinded sides, winner and outcome; formula cells neutralized", () => {
    // B (davinci) was on the left and the rater pressed LEFT, so davinci won = model_b.
    const line = voteCsv(vote({ rationale: "=cmd|' /C calc'!A0", instruction: "-1 + 2?" }));
    const cells = line.trimEnd().split(",");
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    const at = (name: (typeof CSV_COLUMNS)[number]) => cells[CSV_COLUMNS.indexOf(name)];
    expect(at("left_model")).toBe("davinci");
    expect(at("right_model")).toBe("alpaca-7b");
    expect(at("winner")).toBe("davinci");
    expect(at("outcome")).toBe("model_b");
    expect(at("rater")).toBe("r_abc");
    expect(at("instruction")).toBe("'-1 + 2?");
    expect(at("rationale")).toBe("'=cmd|' /C calc'!A0");
  });

  it("AlpacaEval: output_1 is output A; ties and both bad are 1.5 draws", () => {
    expect(voteAlpacaEval(vote())).toMatchObject({ generator_1: "alpaca-7b", generator_2: "davinci", preference: 2, annotator: "r_abc" });
    expect(voteAlpacaEval(vote({ choice: "RIGHT", winner: "alpaca-7b" })).preference).toBe(1);
    expect(voteAlpacaEval(vote({ choice: "TIE", winner: null }))).toMatchObject({ preference: 1.5, both_bad: false });
    expect(voteAlpacaEval(vote({ choice: "BOTH_BAD", winner: null }))).toMatchObject({ preference: 1.5, both_bad: true });
    expect(voteAlpacaEval(vote({ input: "Bob" })).instruction).toBe("Say hi\n\nBob");
  });

  it("battles: model_a is the LEFT model, arena winner labels", () => {
    expect(voteBattle(vote())).toMatchObject({ model_a: "davinci", model_b: "alpaca-7b", winner: "model_a", judge: "r_abc", tstamp: 1767261612 });
    expect(voteBattle(vote({ choice: "RIGHT", winner: "alpaca-7b" })).winner).toBe("model_b");
    expect(voteBattle(vote({ choice: "TIE", winner: null })).winner).toBe("tie");
    expect(voteBattle(vote({ choice: "BOTH_BAD", winner: null })).winner).toBe("tie (bothbad)");
  });

  it("JSONL carries times and the side each output was on", () => {
    expect(voteJson(vote())).toMatchObject({ left_model: "davinci", right_model: "alpaca-7b", ms_taken: 12000, voted_at: "2026-01-01T10:00:12.000Z" });
  });

  it("JSONL names the issues marked on each model's answer", () => {
    expect(voteJson(vote({ issuesA: ["harmful"], issuesB: [] })).issues).toEqual({ "alpaca-7b": ["harmful"], davinci: [] });
  });
});

describe("exportStream", () => {
  it("writes valid JSON arrays across batches, and an empty array for no votes", async () => {
    const body = await text(exportStream("battles", batches([vote()], [vote({ voteId: "v2" }), vote({ voteId: "v3" })])));
    expect(JSON.parse(body)).toHaveLength(3);
    expect(JSON.parse(await text(exportStream("alpaca_eval", batches())))).toEqual([]);
  });

  it("writes one JSON object per line and a CSV header first", async () => {
    const jsonl = await text(exportStream("jsonl", batches([vote(), vote({ voteId: "v2" })])));
    expect(jsonl.trimEnd().split("\n").map((l) => JSON.parse(l).vote_id)).toEqual(["v1", "v2"]);
    const csv = await text(exportStream("csv", batches([vote()])));
    expect(csv.split("\r\n")[0]).toBe(CSV_COLUMNS.join(","));
    expect(csv.split("\r\n")).toHaveLength(3);
  });
});

describe("a study that samples model pairs (issue 22)", () => {
  it("JSONL and CSV carry each vote's inclusion probability, a gold pair's empty; other studies' records are unchanged", async () => {
    const sampled = [vote({ inclusion: 0.35 }), vote({ voteId: "v2", gold: true, inclusion: null })];
    const jsonl = (await text(exportStream("jsonl", batches(sampled)))).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl.map((r) => r.inclusion_probability)).toEqual([0.35, null]);
    const csv = (await text(exportStream("csv", batches(sampled), { criteria: [], turns: true, sampling: true }))).split("\r\n");
    expect(csv[0]).toBe([...CSV_COLUMNS, "turn", "inclusion_probability"].join(","));
    expect(csv[1]!.endsWith(",0,0.35")).toBe(true);
    expect(csv[2]!.endsWith(",0,")).toBe(true);
    // Without sampling: no field, no column, the lines as before.
    expect(voteJson(vote())).not.toHaveProperty("inclusion_probability");
    expect(await text(exportStream("csv", batches([vote()]), { criteria: [], sampling: false }))).toBe(csvHeader() + voteCsv(vote()));
    expect(voteCsvLine(vote({ inclusion: 0.2 }))).toBe(voteCsv(vote()));
    expect(voteCsvLine(vote({ inclusion: 0.2 }), false, true)).toBe(voteCsv(vote()).replace(/\r\n$/, ",0.2\r\n"));
  });

  it("battles and AlpacaEval records carry it too, only for such a study", async () => {
    const sampled = [vote({ inclusion: 0.35 }), vote({ voteId: "v2", gold: true, inclusion: null })];
    for (const format of ["battles", "alpaca_eval"] as const) {
      const records = JSON.parse(await text(exportStream(format, batches(sampled)))) as Record<string, unknown>[];
      expect(records.map((r) => r.inclusion_probability), format).toEqual([0.35, null]);
      const plain = JSON.parse(await text(exportStream(format, batches([vote()])))) as Record<string, unknown>[];
      expect(plain[0], format).not.toHaveProperty("inclusion_probability");
    }
    expect(formatNeedsInclusion("battles") && formatNeedsInclusion("alpaca_eval")).toBe(true);
  });
});
