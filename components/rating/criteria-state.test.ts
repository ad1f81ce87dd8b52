import { describe, expect, it } from "vitest";
import { chooseByKey, chooseOn, choicesForVote, currentCriterion, NO_CHOICES, pinCriterion, unchosen } from "./criteria-state";

const KEYS = ["overall", "helpful", "harmless"];

/** Presses vote keys in turn, as the rater does. */
function press(...choices: Parameters<typeof chooseByKey>[2][]) {
  let state = NO_CHOICES;
  const on: string[] = [];
  for (const choice of choices) {
    const step = chooseByKey(KEYS, state, choice)!;
    state = step.state;
    on.push(step.on);
  }
  return { state, on };
}

describe("criteria choices", () => {
  it("starts on the first criterion with nothing chosen", () => {
    expect(currentCriterion(KEYS, NO_CHOICES)).toBe("overall");
    expect(unchosen(KEYS, NO_CHOICES)).toEqual(KEYS);
    expect(choicesForVote(KEYS, NO_CHOICES)).toBeNull();
  });

  it("moves on after each key and stays on the last, never submitting by itself", () => {
    const { state, on } = press("LEFT", "RIGHT", "TIE");
    expect(on).toEqual(["overall", "helpful", "harmless"]);
    expect(currentCriterion(KEYS, state)).toBe("harmless");
    // A fourth key changes the last criterion, not a vote.
    const again = chooseByKey(KEYS, state, "BOTH_BAD")!;
    expect(again.on).toBe("harmless");
    expect(again.state.choices).toEqual({ overall: "LEFT", helpful: "RIGHT", harmless: "BOTH_BAD" });
  });

  it("chooses on the criterion focused or clicked last, then on the next one without a choice, wrapping", () => {
    let state = pinCriterion(NO_CHOICES, "helpful");
    expect(currentCriterion(KEYS, state)).toBe("helpful");
    const first = chooseByKey(KEYS, state, "RIGHT")!;
    expect(first.on).toBe("helpful");
    expect(currentCriterion(KEYS, first.state)).toBe("harmless");
    const second = chooseByKey(KEYS, first.state, "LEFT")!;
    // Past the end: back to the first without a choice.
    expect(currentCriterion(KEYS, second.state)).toBe("overall");
    state = chooseByKey(KEYS, second.state, "TIE")!.state;
    expect(choicesForVote(KEYS, state)).toEqual({ choice: "TIE", criteria: { helpful: "RIGHT", harmless: "LEFT" } });
  });

  it("keeps the keys on a criterion chosen by click or tap, and skips criteria already chosen", () => {
    let state = chooseOn(NO_CHOICES, "helpful", "LEFT");
    expect(currentCriterion(KEYS, state)).toBe("helpful");
    expect(unchosen(KEYS, state)).toEqual(["overall", "harmless"]);
    const step = chooseByKey(KEYS, state, "RIGHT")!;
    expect(step.on).toBe("helpful");
    expect(currentCriterion(KEYS, step.state)).toBe("harmless");
    state = chooseOn(step.state, "overall", "TIE");
    expect(currentCriterion(KEYS, state)).toBe("overall");
    expect(choicesForVote(KEYS, state)).toBeNull();
  });

  it("sends the primary's choice as the vote's choice and every other one by key", () => {
    const { state } = press("TIE", "LEFT", "BOTH_BAD");
    expect(choicesForVote(KEYS, state)).toEqual({ choice: "TIE", criteria: { helpful: "LEFT", harmless: "BOTH_BAD" } });
    expect(choicesForVote(["overall"], chooseOn(NO_CHOICES, "overall", "RIGHT"))).toEqual({ choice: "RIGHT", criteria: {} });
  });

  it("has no current criterion and no key choice without criteria; a pin on an unknown key is ignored", () => {
    expect(currentCriterion([], NO_CHOICES)).toBeNull();
    expect(chooseByKey([], NO_CHOICES, "LEFT")).toBeNull();
    expect(currentCriterion(KEYS, pinCriterion(NO_CHOICES, "honest"))).toBe("overall");
  });
});
