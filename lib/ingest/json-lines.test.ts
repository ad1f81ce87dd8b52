import { describe, expect, it } from "vitest";
import { readJsonLines } from "./json-lines";

const read = (text: string) => [...readJsonLines(text, 8)];

describe("readJsonLines", () => {
  it("numbers rows by line, skipping blank lines but counting them", () => {
    expect(read('{"a":1}\n\n{"a":2}\r\n')).toEqual([
      { row: 1, value: { a: 1 } },
      { row: 3, value: { a: 2 } },
    ]);
  });

  it("reports a bad line with its row and keeps reading", () => {
    const items = read('{"a":1}\n{"a":1}}\n{"a":3}');
    expect(items[1]).toMatchObject({
      row: 2,
      error: { row: 2, message: expect.stringMatching(/^invalid JSON on this line: .*\(column 8\)$/) },
    });
    expect(items[2]).toEqual({ row: 3, value: { a: 3 } });
  });

  it("says a cut-off last line looks truncated", () => {
    const items = read('{"a":1}\n{"a":"cut');
    expect(items[1]).toEqual({
      row: 2,
      error: { row: 2, message: "invalid JSON on this line: it ends unexpectedly — the file looks truncated" },
    });
  });

  it("says an incomplete middle line must hold a whole object (pretty-printed JSON)", () => {
    const items = read('{"a":\n1}\n');
    expect(items[0]).toMatchObject({ row: 1, error: { message: expect.stringMatching(/one whole JSON object/) } });
  });

  it("rejects a line nested too deeply", () => {
    expect(readJsonLines('{"a":[[[[1]]]]}', 3).next().value).toMatchObject({
      row: 1,
      error: { message: "the JSON on this line is nested more than 3 levels deep" },
    });
  });
});
