import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";

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

test("raters cannot create API tokens", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(request, "RATER");
  expect((await request.post("/api/tokens", { data: { name: "x" } })).status()).toBe(403);
  await request.dispose();
});
