import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IssuePicker, type IssuePickerProps } from "./issue-picker";

const ISSUES = [
  { key: "factual-error", label: "Factual error / hallucination" },
  { key: "refusal", label: "Refusal or evasion" },
];
const render = (props: Partial<IssuePickerProps>) =>
  renderToStaticMarkup(createElement(IssuePicker, { side: "B", issues: ISSUES, ticked: [], showKeys: false, onToggle: () => {}, ...props }));

describe("IssuePicker", () => {
  it("renders nothing when the study asks for no issues", () => {
    expect(render({ issues: [] })).toBe("");
  });

  it("names the group and each box with the side, never a model", () => {
    const html = render({ ticked: ["refusal"] });
    expect(html).toMatch(/<legend[^>]*>Issues with B /);
    expect(html).toContain('<span class="sr-only">B: </span>Factual error / hallucination');
    expect(html).toMatch(/<input type="checkbox"[^>]*data-issue="refusal"[^>]*checked=""/);
    expect(html).not.toMatch(/<input type="checkbox"[^>]*data-issue="factual-error"[^>]*checked/);
  });

  it("says none marked while nothing is ticked", () => {
    expect(render({})).toContain("(optional, none marked)");
    expect(render({ ticked: ["refusal"] })).not.toContain("none marked");
  });

  it("shows each box's key only on request", () => {
    expect(render({})).not.toContain("<kbd");
    const html = render({ showKeys: true });
    expect(html).toContain('aria-keyshortcuts="Shift+6"');
    expect(html).toMatch(/<kbd aria-hidden="true"[^>]*>⇧7<\/kbd>/);
  });
});
