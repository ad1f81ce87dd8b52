// Roles are enforced by the server: checked through the browser and by plain HTTP.
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { ACCESS_TABLE, type Who } from "./fixtures/access-table";
import { signInOverHttp } from "./fixtures/accounts";

const ROLES: Who[] = ["ANONYMOUS", "RATER", "RESEARCHER", "ADMIN"];

async function clientFor(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: Who) {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  if (role !== "ANONYMOUS") await signInOverHttp(request, role);
  return request;
}

async function demoStudyId(request: APIRequestContext): Promise<string> {
  const { studies } = (await (await request.get("/api/studies")).json()) as { studies: { id: string; isDemo: boolean }[] };
  return studies.find((s) => s.isDemo)!.id;
}

// Denied means: 401/403 from an API, a 403 page, or a redirect to sign-in. Allowed is anything else
// (a 4xx for the deliberately empty bodies sent here is fine: the guard let the request through).
function denied(status: number, location: string | undefined): boolean {
  return status === 401 || status === 403 || ((status === 307 || status === 302) && !!location?.includes("/login"));
}

for (const role of ROLES) {
  test(`plain HTTP as ${role.toLowerCase()}: every route of the access table answers as it says`, async ({ playwright, baseURL }) => {
    const admin = await clientFor(playwright, baseURL!, "ADMIN");
    const id = await demoStudyId(admin);
    await admin.dispose();
    const request = await clientFor(playwright, baseURL!, role);
    for (const entry of ACCESS_TABLE) {
      const url = entry.path.replace("{id}", id);
      const res = await request.fetch(url, { method: entry.method, maxRedirects: 0, ...(entry.method === "GET" ? {} : { data: {} }) });
      const isDenied = denied(res.status(), res.headers().location);
      expect(isDenied, `${role} ${entry.method} ${url} → ${res.status()}`).toBe(!entry.allowed.includes(role));
      if (isDenied && url.startsWith("/api/")) {
        const body = await res.json();
        expect(body.error.code).toMatch(/unauthenticated|forbidden/);
        expect(JSON.stringify(body)).not.toContain("(demo)");
      }
    }
    await request.dispose();
  });
}

test("a rater of one study learns nothing about another study", async ({ playwright, baseURL }) => {
  const admin = await clientFor(playwright, baseURL!, "ADMIN");
  const { openStudyFromRows } = await import("./fixtures/studies");
  const stamp = Date.now();
  const { studyId } = await openStudyFromRows(admin, [
    { instruction: `Private prompt ${stamp}`, output: "one", generator: `private-a-${stamp}` },
    { instruction: `Private prompt ${stamp}`, output: "two", generator: `private-b-${stamp}` },
  ]);
  await admin.dispose();
  const rater = await clientFor(playwright, baseURL!, "RATER");
  const next = await rater.get(`/api/studies/${studyId}/next`);
  const missing = await rater.get("/api/studies/no-such-study/next");
  expect(next.status()).toBe(404);
  // Same answer as for a study that does not exist: not even its existence leaks.
  expect(await next.json()).toEqual(await missing.json());
  expect((await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: "AAAAAAAAAAAAAAAAAAAAAA", choice: "LEFT" } })).status()).toBe(404);
  const page = await rater.get(`/studies/${studyId}/rate`);
  expect(page.status()).toBe(404);
  expect(await page.text()).not.toContain(`Private prompt ${stamp}`);
  await rater.dispose();
});

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
