import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressFromHeaders, parseTrustedHops } from "./client-address";

describe("clientAddress", () => {
  it("takes the socket's address and ignores a forged header when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.99", "10.1.2.3", 0)).toBe("10.1.2.3");
    expect(clientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "::1", 0)).toBe("::1");
  });

  it("takes what the trusted proxies saw, not what the client wrote before them", () => {
    // client forged "1.1.1.1"; the proxy (10.0.0.5) appended the real client 198.51.100.7
    expect(clientAddress("1.1.1.1, 198.51.100.7", "10.0.0.5", 1)).toBe("198.51.100.7");
    // two proxies: CDN saw 198.51.100.7, the load balancer saw the CDN (192.0.2.1)
    expect(clientAddress("1.1.1.1, 198.51.100.7, 192.0.2.1", "10.0.0.5", 2)).toBe("198.51.100.7");
    expect(clientAddress(["1.1.1.1", "198.51.100.7"], "10.0.0.5", 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddress(undefined, "10.0.0.5", 1)).toBe("10.0.0.5");
    expect(clientAddress("198.51.100.7", "10.0.0.5", 3)).toBe("198.51.100.7");
  });
});

describe("parseTrustedHops", () => {
  it("defaults to none and refuses nonsense with a message naming the variable", () => {
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops("2")).toBe(2);
    expect(() => parseTrustedHops("yes")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseTrustedHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("clientAddressFromHeaders", () => {
  it("takes the first x-forwarded-for entry, the one the app's server wrote", () => {
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe("203.0.113.7");
  });

  it("says unknown when there is none, so such requests share one limit instead of having none", () => {
    expect(clientAddressFromHeaders(new Headers())).toBe("unknown");
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": "" }))).toBe("unknown");
  });
});
