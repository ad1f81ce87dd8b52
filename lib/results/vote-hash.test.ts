import { describe, expect, it } from "vitest";
import { canonicalVoteLines, parseVoteLines, votesSha256, type FrozenVote } from "./vote-hash";

const vote = (id: string, votedAt: string, extra: Partial<FrozenVote> = {}): FrozenVote => ({
  id, pairId: "p1", rater: "r_1", choice: "LEFT", winnerOutputId: "o1", leftIsA: true, servedAt: "2026-12-01T10:00:00.000Z",
  votedAt, msTaken: 1000, tooFast: false, seenBothMs: null, rationale: null, isDemo: false, ...extra,
});

describe("canonical votes and their hash", () => {
  const a = vote("b", "2026-12-01T10:00:01.000Z");
  const b = vote("a", "2026-12-01T10:00:01.000Z", { choice: "TIE", winnerOutputId: null });
  const c = vote("c", "2026-12-01T10:00:00.500Z", { rationale: "clearer, “quoted”" });

  it("orders by vote time then id, whatever the input order, with keys in one order", () => {
    const lines = canonicalVoteLines([a, b, c]);
    expect(lines).toBe(canonicalVoteLines([c, a, b]));
    expect(parseVoteLines(lines).map((v) => v.id)).toEqual(["c", "a", "b"]);
    const { id, ...rest } = a;
    const reordered = { ...rest, id } as FrozenVote;
    expect(canonicalVoteLines([reordered])).toBe(canonicalVoteLines([a]));
    expect(lines.endsWith("}\n")).toBe(true);
  });

  it("gives a stable sha256 that any change to a vote changes", () => {
    const lines = canonicalVoteLines([a, b, c]);
    // Fixed: a changed serialisation would silently break every stored hash.
    expect(votesSha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const one = vote("v1", "2026-12-01T10:00:01.000Z");
    expect(canonicalVoteLines([one])).toBe(
      '{"id":"v1","pairId":"p1","rater":"r_1","choice":"LEFT","winnerOutputId":"o1","leftIsA":true,"servedAt":"2026-12-01T10:00:00.000Z",' +
      '"votedAt":"2026-12-01T10:00:01.000Z","msTaken":1000,"tooFast":false,"seenBothMs":null,"rationale":null,"isDemo":false}\n');
    // As `sha256sum` of that line gives it.
    expect(votesSha256(canonicalVoteLines([one]))).toBe("fbbdf7a68337d23d534e573b14e8c162812d5640fe13fd39eca4a46c4edc6b14");
    expect(votesSha256(lines)).toBe(votesSha256(canonicalVoteLines([b, c, a])));
    expect(votesSha256(lines)).toMatch(/^[0-9a-f]{64}$/);
    expect(votesSha256(canonicalVoteLines([a, b, { ...c, choice: "RIGHT" }]))).not.toBe(votesSha256(lines));
    expect(votesSha256(canonicalVoteLines([a, b]))).not.toBe(votesSha256(lines));
  });

  it("carries marks and criteria only where a vote has them, in one order, so earlier lines and hashes stay the same", () => {
    const one = vote("v1", "2026-12-01T10:00:01.000Z");
    const empty = { ...one, issues: [], criteria: {} };
    expect(canonicalVoteLines([empty])).toBe(canonicalVoteLines([one]));
    expect(votesSha256(canonicalVoteLines([empty]))).toBe("fbbdf7a68337d23d534e573b14e8c162812d5640fe13fd39eca4a46c4edc6b14");
    const marked = {
      ...one,
      issues: [{ outputId: "o2", key: "harmful" }, { outputId: "o1", key: "refusal" }, { outputId: "o1", key: "harmful" }],
      criteria: { harmless: { choice: "TIE" as const, winnerOutputId: null }, helpful: { choice: "RIGHT" as const, winnerOutputId: "o2" } },
    };
    const line = canonicalVoteLines([marked]);
    expect(line.endsWith(
      ',"isDemo":false,"issues":[{"outputId":"o1","key":"harmful"},{"outputId":"o1","key":"refusal"},{"outputId":"o2","key":"harmful"}],' +
      '"criteria":{"harmless":{"choice":"TIE","winnerOutputId":null},"helpful":{"choice":"RIGHT","winnerOutputId":"o2"}}}\n',
    )).toBe(true);
    const reordered = { ...marked, issues: [...marked.issues].reverse(), criteria: { helpful: marked.criteria.helpful, harmless: marked.criteria.harmless } };
    expect(canonicalVoteLines([reordered])).toBe(line);
    expect(canonicalVoteLines(parseVoteLines(line))).toBe(line);
    expect(votesSha256(canonicalVoteLines([{ ...marked, issues: marked.issues.slice(1) }]))).not.toBe(votesSha256(line));
    const changed = { ...marked, criteria: { ...marked.criteria, harmless: { choice: "BOTH_BAD" as const, winnerOutputId: null } } };
    expect(votesSha256(canonicalVoteLines([changed]))).not.toBe(votesSha256(line));
  });
});
