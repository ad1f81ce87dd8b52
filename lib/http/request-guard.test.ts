import { describe, expect, it } from "vitest";
import { crossSiteRefusal, invalidUrlRefusal } from "./request-guard";

const APP = () => "https://eval.example.org";

// As over HTTP/1.1: a body is announced by Content-Length (or Transfer-Encoding).
function post(headers: Record<string, string>, body = '{"a":1}') {
  return new Request("http://127.0.0.1:3000/api/users", { method: "POST", headers: { host: "127.0.0.1:3000", "content-length": String(body.length), ...headers }, body });
}

const status = (r: Response | null) => r?.status ?? "passed";

describe("crossSiteRefusal", () => {
  it("lets safe methods through untouched", () => {
    expect(status(crossSiteRefusal(new Request("http://x/api/studies", { headers: { origin: "http://evil.example" } }), APP))).toBe("passed");
  });

  it("takes the app's own origin, by Host or by NEXTAUTH_URL, or Sec-Fetch-Site same-origin", () => {
    expect(status(crossSiteRefusal(post({ origin: "http://127.0.0.1:3000", "content-type": "application/json" }), APP))).toBe("passed");
    expect(status(crossSiteRefusal(post({ origin: "https://eval.example.org", "content-type": "application/json" }), APP))).toBe("passed");
    expect(status(crossSiteRefusal(post({ "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" }), APP))).toBe("passed");
  });

  it("refuses another site, a sibling origin, a same-site fetch and a request that says nothing", () => {
    const attempts: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "http://127.0.0.1:3001" },
      { origin: "https://sub.eval.example.org" },
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:3000" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
      {},
    ];
    for (const headers of attempts) {
      expect(status(crossSiteRefusal(post({ ...headers, "content-type": "application/json" }), APP)), JSON.stringify(headers)).toBe(403);
    }
  });

  it("needs no origin proof for a Bearer token, which browsers never send on their own", () => {
    expect(status(crossSiteRefusal(post({ authorization: "Bearer pw_x", "content-type": "application/json" }), APP))).toBe("passed");
  });

  it("refuses bodies a cross-site form can send, and multipart where the route takes JSON only", () => {
    const same = { origin: "http://127.0.0.1:3000" };
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      expect(status(crossSiteRefusal(post({ ...same, "content-type": type }), APP)), type).toBe(415);
    }
    expect(status(crossSiteRefusal(post({ ...same, "content-type": "multipart/form-data; boundary=x" }), APP, ["multipart/form-data"]))).toBe("passed");
    expect(status(crossSiteRefusal(post({ ...same, "content-type": "text/plain" }), APP, ["multipart/form-data"]))).toBe(415);
    // A DELETE without a body needs no type.
    expect(status(crossSiteRefusal(new Request("http://127.0.0.1:3000/api/tokens/x", { method: "DELETE", headers: { ...same, host: "127.0.0.1:3000" } }), APP))).toBe("passed");
  });
});

describe("invalidUrlRefusal", () => {
  it("refuses NUL and broken percent-encoding in the path or the query", () => {
    expect(invalidUrlRefusal(new URL("http://x/api/studies/a%00b"))?.status).toBe(400);
    expect(invalidUrlRefusal(new URL("http://x/api/studies/a?exclude=%00"))?.status).toBe(400);
    expect(invalidUrlRefusal(new URL("http://x/api/studies/%E0%A4%A"))?.status).toBe(400);
    expect(invalidUrlRefusal(new URL("http://x/api/studies/caf%C3%A9?q=%E2%9C%93"))).toBeNull();
  });
});
