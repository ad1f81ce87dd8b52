import { describe, expect, it } from "vitest";
import { csvCell, csvLine, freeText } from "./csv";

describe("csvCell", () => {
  it("neutralizes free text that a spreadsheet would run as a formula", () => {
    expect(csvCell(freeText("=HYPERLINK(\"http://x\")"))).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell(freeText("+1"))).toBe("'+1");
    expect(csvCell(freeText("-2+3"))).toBe("'-2+3");
    expect(csvCell(freeText("@SUM(A1)"))).toBe("'@SUM(A1)");
    expect(csvCell(freeText("\tcmd"))).toBe("'\tcmd");
    expect(csvCell(freeText("\rcmd"))).toBe("\"'\rcmd\"");
  });

  it("writes identifiers as they are, even one that starts with a minus", () => {
    expect(csvCell("-Xb3kq_9")).toBe("-Xb3kq_9");
    expect(csvCell("2026-12-01T10:00:00.000Z")).toBe("2026-12-01T10:00:00.000Z");
  });

  it("quotes commas, quotes and newlines and leaves plain text alone", () => {
    expect(csvCell(freeText("a,b"))).toBe('"a,b"');
    expect(csvCell(freeText('say "hi"'))).toBe('"say ""hi"""');
    expect(csvCell(freeText("two\nlines"))).toBe('"two\nlines"');
    expect(csvCell(freeText("plain text"))).toBe("plain text");
    expect(csvCell(freeText("a=b"))).toBe("a=b");
    expect(csvCell("a,b")).toBe('"a,b"');
  });

  it("writes numbers, booleans and empties as they are", () => {
    expect(csvCell(1500)).toBe("1500");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(freeText(null))).toBe("");
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});
