import { describe, expect, it } from "vitest";
import { hstsHeader } from "./security-headers";

describe("hstsHeader", () => {
  it("asks for two years of https, subdomains included, when the app is served over https", () => {
    expect(hstsHeader("https://pairwise.example.org")).toBe("max-age=63072000; includeSubDomains");
    expect(hstsHeader("https://example.org:8443/pairwise/")).toBe("max-age=63072000; includeSubDomains");
    expect(hstsHeader("HTTPS://PAIRWISE.EXAMPLE.ORG")).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends nothing over plain http, or without a valid NEXTAUTH_URL", () => {
    expect(hstsHeader("http://localhost:3000")).toBeNull();
    expect(hstsHeader("http://https.example.org")).toBeNull();
    expect(hstsHeader(undefined)).toBeNull();
    expect(hstsHeader("")).toBeNull();
    expect(hstsHeader("not a url")).toBeNull();
  });
});
