// Roles are enforced by the server: checked through the browser and by plain HTTP.
import { Agent, get } from "node:http";
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { ACCESS_TABLE, type Who } from "./fixtures/access-table";
import { signInOverHttp } from "./fixtures/accounts";

const ROLES: Who[] = ["ANONYMOUS", "RATER", "RESEARCHER", "ADMIN"];

// `origin`: the Origin header every request of this client sends, as the app's own pages do; null for none.
async function clientFor(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: Who, origin: string | null = baseURL) {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: origin === null ? {} : { origin } });
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
      // A body of the type the route takes (files: multipart), so the walk meets the role check.
      const body = entry.method === "GET" ? {} : /\/uploads$/.test(url) ? { multipart: { note: "x" } } : { data: {} };
      const res = await request.fetch(url, { method: entry.method, maxRedirects: 0, ...body });
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

test("router prefetches of a page carry the Content-Security-Policy too", async ({ request }) => {
  const res = await request.get("/login", { headers: { "next-router-prefetch": "1" } });
  expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
});

// A page of another site (or of a sibling origin on another port, which is "same-site" and gets
// SameSite=Lax cookies) must not be able to make a signed-in user's browser change anything.
const STATE_CHANGING = ACCESS_TABLE.filter((e) => e.method !== "GET");

test("every state-changing API route refuses cross-site requests and form-typed bodies", async ({ playwright, baseURL }) => {
  const sibling = new URL(baseURL!);
  sibling.port = String(Number(sibling.port) + 1);
  const attempts: { who: Who; origin: string | null; contentType: string; expected: number }[] = [
    { who: "ADMIN", origin: "http://evil.example", contentType: "text/plain", expected: 403 },
    { who: "ADMIN", origin: "http://evil.example", contentType: "application/json", expected: 403 },
    { who: "ADMIN", origin: sibling.origin, contentType: "application/json", expected: 403 },
    { who: "ADMIN", origin: null, contentType: "application/json", expected: 403 },
    { who: "ADMIN", origin: baseURL!, contentType: "text/plain", expected: 415 },
    { who: "ADMIN", origin: baseURL!, contentType: "application/x-www-form-urlencoded", expected: 415 },
    { who: "ADMIN", origin: baseURL!, contentType: "multipart/form-data; boundary=x", expected: 415 },
  ];
  // The file routes take multipart from the app's own pages; every other route takes JSON only.
  const takesFiles = (path: string) => /\/(uploads|judges|panels)$/.test(path);
  for (const attempt of attempts) {
    const clients = new Map<Who, APIRequestContext>();
    for (const entry of STATE_CHANGING) {
      if (attempt.contentType.startsWith("multipart/") && attempt.origin === baseURL && takesFiles(entry.path)) continue;
      const who = entry.allowed.includes("ADMIN") ? "ADMIN" : entry.allowed[0]!;
      if (!clients.has(who)) clients.set(who, await clientFor(playwright, baseURL!, who, attempt.origin));
      const url = entry.path.replace("{id}", "some-study");
      const res = await clients.get(who)!.fetch(url, { method: entry.method, headers: { "content-type": attempt.contentType }, data: '{"name":"x"}', maxRedirects: 0 });
      const label = `${who} ${entry.method} ${url} Origin ${attempt.origin} ${attempt.contentType}`;
      expect(res.status(), label).toBe(attempt.expected);
      expect(((await res.json()) as { error: { code: string } }).error.code, label).toBe(attempt.expected === 403 ? "cross_origin" : "unsupported_media_type");
    }
    for (const client of clients.values()) await client.dispose();
  }
});

test("a cross-site form cannot create an account with an admin's cookie", async ({ playwright, baseURL }) => {
  const admin = await clientFor(playwright, baseURL!, "ADMIN", "http://evil.example");
  const email = `csrf-${Date.now()}@example.com`;
  // Exactly what <form enctype="text/plain"> on evil.example would send.
  const res = await admin.post("/api/users", { headers: { "content-type": "text/plain" }, data: `{"email":"${email}","password":"attacker-password","role":"ADMIN","x":"=}` });
  expect(res.status()).toBe(403);
  const sameOrigin = await clientFor(playwright, baseURL!, "ADMIN");
  const { users } = (await (await sameOrigin.get("/api/users")).json()) as { users: { email: string | null }[] };
  expect(users.map((u) => u.email)).not.toContain(email);
  await Promise.all([admin.dispose(), sameOrigin.dispose()]);
});

test("next-auth's own form posts (with its CSRF token) are not subject to the API's origin rule", async ({ playwright, baseURL }) => {
  // No Origin header at all, form-encoded: the sign-in still works, as next-auth checks its own token.
  const client = await clientFor(playwright, baseURL!, "RESEARCHER", null);
  expect((await client.get("/api/studies")).status()).toBe(200);
  await client.dispose();
});

test("the app's icon is served to signed-out visitors and linked from every page", async ({ request, page }) => {
  for (const [path, type] of [["/favicon.ico", /icon/], ["/icon.svg", /svg/], ["/apple-touch-icon.png", /png/]] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
});

test("API answers carry nosniff too", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});

// Server Actions are outside route(): Next itself compares their Origin with the Host. The join page's
// real sign-up action, captured from the browser, creates an account when replayed from the app's own
// origin, and nothing when replayed from another site's.
test("a Server Action posted from another site is refused by Next", async ({ page, playwright, baseURL }) => {
  const admin = await clientFor(playwright, baseURL!, "ADMIN");
  const id = await demoStudyId(admin);
  const { study } = (await (await admin.get(`/api/studies/${id}`)).json()) as { study: { inviteToken: string } };
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(`**/join/${study.inviteToken}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    captured = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
    return route.abort();
  });
  await page.goto(`/join/${study.inviteToken}`);
  await page.getByLabel("Email").fill(`action-probe-${Date.now()}@example.com`);
  await page.getByLabel("Choose a password (10+ characters)").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect.poll(() => captured).toBeDefined();

  const replay = async (origin: string, email: string) => {
    const client = await playwright.request.newContext({ baseURL });
    const headers = { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component", origin };
    const body = captured!.body.toString("utf8").replace(/action-probe-\d+@example\.com/, email);
    const res = await client.post(`/join/${study.inviteToken}`, { headers, data: body, maxRedirects: 0 });
    await client.dispose();
    return res.status();
  };
  const accounts = async () => ((await (await admin.get("/api/users")).json()) as { users: { email: string | null }[] }).users.map((u) => u.email);
  const stamp = Date.now();
  const fromEvil = `from-evil-${stamp}@example.com`;
  const fromApp = `from-app-${stamp}@example.com`;
  expect(await replay("http://evil.example", fromEvil)).toBeGreaterThanOrEqual(400);
  expect(await replay(baseURL!, fromApp)).toBe(200);
  const emails = await accounts();
  expect(emails).toContain(fromApp);
  expect(emails).not.toContain(fromEvil);
  await admin.dispose();
});

// Node closes an idle keep-alive connection after 5 s by default; a client (or a proxy) that reuses it just
// then gets a reset instead of an answer. The server keeps it open for 65 s (scripts/serve.ts).
test("a keep-alive connection left idle for six seconds is still open for the next request", async ({ baseURL }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const request = get(new URL("/api/health", baseURL), { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }));
      });
      request.on("error", reject);
    });
  try {
    expect(await health()).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // Had the server closed it, the agent would have dropped the socket and opened a new one.
    expect(await health()).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
});
