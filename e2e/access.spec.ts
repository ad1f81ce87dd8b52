// Roles are enforced by the server: checked through the browser and by plain HTTP.
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { signInOverHttp, type RoleName } from "./fixtures/accounts";

type Expectation = { path: string; status: Partial<Record<RoleName | "ANONYMOUS", number>> };

// 307: proxy.ts redirects signed-out page requests to /login; 403: forbidden() or the API guard.
const TABLE: Expectation[] = [
  { path: "/admin", status: { ANONYMOUS: 307, RATER: 403, RESEARCHER: 403, ADMIN: 200 } },
  { path: "/studies", status: { ANONYMOUS: 307, RATER: 403, RESEARCHER: 200, ADMIN: 200 } },
  { path: "/rate", status: { ANONYMOUS: 307, RATER: 200, RESEARCHER: 403, ADMIN: 403 } },
  { path: "/api/studies", status: { ANONYMOUS: 401, RATER: 403, RESEARCHER: 200, ADMIN: 200 } },
  { path: "/api/health", status: { ANONYMOUS: 200, RATER: 200 } },
];

async function clientFor(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: RoleName | "ANONYMOUS") {
  const request = await playwright.request.newContext({ baseURL });
  if (role !== "ANONYMOUS") await signInOverHttp(request, role);
  return request;
}

for (const role of ["ANONYMOUS", "RATER", "RESEARCHER", "ADMIN"] as const) {
  test(`plain HTTP as ${role.toLowerCase()}: every route answers as the access table says`, async ({ playwright, baseURL }) => {
    const request: APIRequestContext = await clientFor(playwright, baseURL!, role);
    for (const { path, status } of TABLE) {
      const expected = status[role];
      if (expected === undefined) continue;
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), `${role} GET ${path}`).toBe(expected);
      if (expected === 307) expect(res.headers().location).toContain("/login");
      if (path.startsWith("/api/studies") && expected >= 400) {
        const body = await res.json();
        expect(body.error.code).toBe(expected === 401 ? "unauthenticated" : "forbidden");
        expect(JSON.stringify(body)).not.toContain("demo)");
      }
    }
    await request.dispose();
  });
}

test("a rater who opens the admin page in the browser sees a 403 page without study data", async ({ page }) => {
  await signInOverHttp(page.request, "RATER");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("tortoise-7b")).toHaveCount(0);
});

test("health reports the database as up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: "up" });
});

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The page still works under the policy: Next's own scripts carry the nonce.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
});

test("API answers carry nosniff too", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});
