import { describe, expect, it } from "vitest";
import { clientAddressFromHeaders } from "./client-address-header";

describe("clientAddressFromHeaders", () => {
  it("takes the first x-forwarded-for entry, the one the app's server wrote", () => {
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe("203.0.113.7");
  });

  it("says unknown when there is none, so such requests share one limit instead of having none", () => {
    expect(clientAddressFromHeaders(new Headers())).toBe("unknown");
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": "" }))).toBe("unknown");
  });
});
