import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "./bind-host";

describe("isLoopbackHost", () => {
  it("knows the loopback addresses", () => {
    for (const host of ["127.0.0.1", "127.5.5.5", "localhost", "::1", "[::1]", "::ffff:127.0.0.1", "app.localhost"]) expect(isLoopbackHost(host), host).toBe(true);
  });

  it("treats every other address, the wildcard ones included, as reachable from the network", () => {
    for (const host of ["0.0.0.0", "::", "10.0.0.4", "192.168.1.2", "example.org", "128.0.0.1", "::ffff:10.0.0.1"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});
