import { describe, expect, it } from "vitest";
import { cookieFromHeader, crowdCookieName } from "./crowd-cookie";

describe("cookieFromHeader", () => {
  const name = crowdCookieName("study1");

  it("finds the study's cookie among others, and no other study's", () => {
    const header = `next-auth.session-token=abc; ${crowdCookieName("study10")}=other; ${name}=s3cr3t-_x`;
    expect(cookieFromHeader(header, name)).toBe("s3cr3t-_x");
    expect(cookieFromHeader(header, crowdCookieName("study2"))).toBeUndefined();
  });

  it("reads nothing from a missing or malformed header", () => {
    expect(cookieFromHeader(undefined, name)).toBeUndefined();
    expect(cookieFromHeader(["a=b"], name)).toBeUndefined();
    expect(cookieFromHeader(`${name}=%E0%A4%A`, name)).toBeUndefined();
  });
});
