import { describe, expect, it } from "vitest";
import { type PairTexts, pairShown } from "./conversation-view";

// Renders an answer as its text, so the expected values read as what the rater sees.
const asText = (text: string) => text;

const twoTurns: PairTexts = {
  userTurns: ["Plan a day in Lisbon.", "Now make it cheaper."],
  system: null,
  turnsA: ["Alfama, then Belém.", "Walk everywhere."],
  turnsB: ["Sintra by train.", "Take tram 28."],
  textA: "Walk everywhere.",
  textB: "Take tram 28.",
  turn: 2,
  leftIsA: true,
};

describe("pairShown", () => {
  it("serves a single instruction as two answers and nothing more", () => {
    const single: PairTexts = { userTurns: [], system: null, turnsA: [], turnsB: [], textA: "a", textB: "b", turn: 0, leftIsA: false };
    expect(pairShown(single, asText)).toEqual({ left: "b", right: "a" });
  });

  it("judges turn 2 of 2: turn 1 before it, oriented as the answers, turn 2's answers left and right", () => {
    expect(pairShown(twoTurns, asText)).toEqual({
      left: "Walk everywhere.",
      right: "Take tram 28.",
      conversation: {
        earlier: [{ user: "Plan a day in Lisbon.", left: "Alfama, then Belém.", right: "Sintra by train." }],
        user: "Now make it cheaper.",
        turn: 2,
        turns: 2,
        whole: false,
      },
    });
  });

  it("puts B's turns on the left in every turn when B is shown left", () => {
    const shown = pairShown({ ...twoTurns, leftIsA: false }, asText);
    expect([shown.left, shown.right]).toEqual(["Take tram 28.", "Walk everywhere."]);
    expect(shown.conversation!.earlier).toEqual([{ user: "Plan a day in Lisbon.", left: "Sintra by train.", right: "Alfama, then Belém." }]);
  });

  it("judges turn 1 of 2 without sending turn 2 at all", () => {
    const shown = pairShown({ ...twoTurns, turn: 1 }, asText);
    expect(shown).toEqual({
      left: "Alfama, then Belém.",
      right: "Sintra by train.",
      conversation: { earlier: [], user: "Plan a day in Lisbon.", turn: 1, turns: 2, whole: false },
    });
    const json = JSON.stringify(shown);
    for (const later of ["Now make it cheaper.", "Walk everywhere.", "Take tram 28."]) expect(json).not.toContain(later);
  });

  it("judges the whole conversation: every earlier turn as A/B, the last as left and right", () => {
    const three: PairTexts = {
      ...twoTurns,
      userTurns: ["u1", "u2", "u3"], turnsA: ["a1", "a2", "a3"], turnsB: ["b1", "b2", "b3"], textA: "a3", textB: "b3", turn: 0, leftIsA: false,
    };
    expect(pairShown(three, asText)).toEqual({
      left: "b3",
      right: "a3",
      conversation: {
        earlier: [{ user: "u1", left: "b1", right: "a1" }, { user: "u2", left: "b2", right: "a2" }],
        user: "u3",
        turn: 3,
        turns: 3,
        whole: true,
      },
    });
  });

  it("shows an assistant turn both models share (a fixed history) once", () => {
    const fixed: PairTexts = { ...twoTurns, turnsA: ["Same history.", "Walk everywhere."], turnsB: ["Same history.", "Take tram 28."] };
    expect(pairShown(fixed, asText).conversation!.earlier).toEqual([{ user: "Plan a day in Lisbon.", same: "Same history." }]);
  });

  it("carries the system prompt only when given (the study shows it), and never a blank one", () => {
    expect(pairShown({ ...twoTurns, system: "Be brief." }, asText).conversation!.system).toBe("Be brief.");
    expect(pairShown({ ...twoTurns, system: "  " }, asText).conversation).not.toHaveProperty("system");
    expect(pairShown(twoTurns, asText).conversation).not.toHaveProperty("system");
  });

  it("serves a one-turn conversation as a single answer, unless it has a system prompt to show", () => {
    const one: PairTexts = { userTurns: ["Hi"], system: null, turnsA: ["Hello"], turnsB: ["Hey"], textA: "Hello", textB: "Hey", turn: 0, leftIsA: true };
    expect(pairShown(one, asText)).toEqual({ left: "Hello", right: "Hey" });
    expect(pairShown({ ...one, system: "Be kind." }, asText)).toEqual({
      left: "Hello",
      right: "Hey",
      conversation: { system: "Be kind.", earlier: [], user: "Hi", turn: 1, turns: 1, whole: true },
    });
  });

  it("renders every answer it shows with the given function", () => {
    const shown = pairShown({ ...twoTurns, turnsB: ["Alfama, then Belém.", "Take tram 28."] }, (text) => ({ text, length: text.length }));
    expect(shown.left).toEqual({ text: "Walk everywhere.", length: 16 });
    expect(shown.conversation!.earlier[0]).toEqual({ user: "Plan a day in Lisbon.", same: { text: "Alfama, then Belém.", length: 19 } });
  });
});
