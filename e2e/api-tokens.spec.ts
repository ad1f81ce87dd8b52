import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "./fixtures/accounts";

const utcDateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Waiting a week for a token to expire is not an option: move its expiry into the past directly.
async function expireToken(name: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE "ApiToken" SET "expiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE name = $1`, [name]);
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

test("a researcher creates an API token, a script uses it, and revoking it ends access", async ({ page, playwright, baseURL }) => {
  await signInOverHttp(page.request, "RESEARCHER");
  await page.goto("/account/tokens");
  const name = `script-${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New API token").textContent())!.trim();
  expect(token).toMatch(/^pw_/);

  // A plain HTTP client with no cookies, as a script would be.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await script.get("/api/studies")).status()).toBe(200);
  expect((await script.get("/api/uploads")).status()).toBe(403);
  // Tokens cannot mint tokens.
  expect((await script.post("/api/tokens", { data: { name: "more" } })).status()).toBe(401);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  const after = await script.get("/api/studies");
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("invalid_token");
  await script.dispose();
});

test("the expiry is chosen at creation and shown in the list; an expired token is marked and refused", async ({ page, playwright, baseURL }) => {
  await signInOverHttp(page.request, "RESEARCHER");
  await page.goto("/account/tokens");
  const name = `weekly-${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await expect(page.getByLabel("Expires after")).toHaveValue("90");
  await page.getByLabel("Expires after").selectOption({ label: "7 days" });
  const before = utcDateIn(7);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New API token").textContent())!.trim();
  // The date is the server's; either side of a midnight passing during the click is right.
  const inAWeek = new RegExp(`${before}|${utcDateIn(7)}`);
  await expect(page.getByRole("status")).toContainText(inAWeek);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell").nth(2), "the Expires column").toHaveText(inAWeek);
  await expect(row).toContainText("active");

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  expect((await script.get("/api/studies")).status()).toBe(200);
  await expireToken(name);
  const after = await script.get("/api/studies");
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("invalid_token");
  await script.dispose();

  await page.reload();
  await expect(row).toContainText("expired");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  const { tokens } = (await (await page.request.get("/api/tokens")).json()) as { tokens: { name: string; state: string }[] };
  expect(tokens.find((t) => t.name === name)?.state).toBe("expired");
});

test("the API offers only the listed lifetimes", async ({ page }) => {
  await signInOverHttp(page.request, "RESEARCHER");
  const forever = await page.request.post("/api/tokens", { data: { name: `forever-${Date.now()}`, expiresInDays: 36500 } });
  expect(forever.status()).toBe(422);
  expect((await forever.json()).error).toMatchObject({ code: "invalid_body", message: "Choose an expiry of 7, 30, 90 or 365 days" });
  const month = await page.request.post("/api/tokens", { data: { name: `month-${Date.now()}`, expiresInDays: 30 } });
  expect(month.status()).toBe(201);
  expect((await month.json()).expiresAt.slice(0, 10)).toMatch(new RegExp(`${utcDateIn(30)}|${utcDateIn(29)}`));
});

test("raters cannot create API tokens", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(request, "RATER");
  expect((await request.post("/api/tokens", { data: { name: "x" } })).status()).toBe(403);
  await request.dispose();
});
