import { describe, expect, it } from "vitest";
import { createStudySchema } from "@/lib/validation/study";
import { criteriaProblem, criteriaValue, EXAMPLE_CRITERIA_TEXT } from "./criteria-input";

const study = (criteria: string) => createStudySchema.safeParse({ name: "s", modelIds: ["a", "b"], criteria });

describe("the new-study form's criteria", () => {
  it("send nothing when not asked, whatever the box holds", () => {
    expect(criteriaValue({ asked: false, overall: true, text: EXAMPLE_CRITERIA_TEXT })).toBe("");
    expect(criteriaProblem({ asked: false, overall: true, text: "" })).toBeNull();
  });

  it("put the overall choice first when asked: it is then the primary criterion", () => {
    const parsed = study(criteriaValue({ asked: true, overall: true, text: EXAMPLE_CRITERIA_TEXT }));
    expect(parsed.data?.criteria.map((c) => [c.key, c.label])).toEqual([
      ["overall", "Overall"], ["helpful", "Helpful"], ["harmless", "Harmless"], ["honest", "Honest"],
    ]);
    expect(parsed.data?.criteria[1]?.question).toBe("Which answer does more of what was asked?");
  });

  it("make the first line the primary without the overall choice; blank lines and spaces ignored", () => {
    const parsed = study(criteriaValue({ asked: true, overall: false, text: "\n  Clear: Which is easier to read?\n\nBrief\n" }));
    expect(parsed.data?.criteria).toEqual([
      { key: "clear", label: "Clear", question: "Which is easier to read?" }, { key: "brief", label: "Brief", question: "" },
    ]);
  });

  it("refuse an empty list, the overall line twice and too many, saying which", () => {
    expect(criteriaProblem({ asked: true, overall: true, text: " \n " })).toBe("List at least one criterion, or untick the box above.");
    expect(criteriaProblem({ asked: true, overall: true, text: "overall: again\nHelpful" })).toMatch(/^“Overall” is asked first already/);
    expect(criteriaProblem({ asked: true, overall: false, text: "Overall\nHelpful" })).toBeNull();
    const five = "A\nB\nC\nD\nE";
    expect(criteriaProblem({ asked: true, overall: false, text: `${five}\nF` })).toBeNull();
    expect(criteriaProblem({ asked: true, overall: true, text: `${five}\nF` })).toBe("At most 6 criteria, the overall choice included: this list has 7.");
    expect(criteriaProblem({ asked: true, overall: true, text: EXAMPLE_CRITERIA_TEXT })).toBeNull();
  });

  it("leave duplicate labels to the schema, which refuses them", () => {
    const value = criteriaValue({ asked: true, overall: true, text: "Helpful: one\nhelpful: two" });
    expect(criteriaProblem({ asked: true, overall: true, text: "Helpful: one\nhelpful: two" })).toBeNull();
    // The form shows the first message at the box, as it does for the issue list.
    expect(study(value).error?.issues[0]).toMatchObject({ path: ["criteria"], message: "Two criteria have the same key: give them different labels" });
    expect(study(criteriaValue({ asked: true, overall: false, text: "Help ful\nHelp-ful" })).error?.issues.map((i) => i.message))
      .toEqual(["Two criteria have the same key: give them different labels"]);
  });
});
