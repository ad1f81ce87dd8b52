import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, serverNodeOptions } from "./server-node-options";

describe("serverNodeOptions", () => {
  it("adds the heap cap to whatever NODE_OPTIONS holds", () => {
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
  });

  it("leaves a cap the user set alone", () => {
    expect(serverNodeOptions("--max-old-space-size=2048")).toBe("--max-old-space-size=2048");
  });
});
