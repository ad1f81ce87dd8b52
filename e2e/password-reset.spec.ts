// Password reset by an admin-made link: the admin makes it on the users page and hands it over; the
// person sets a new password, which signs the account out everywhere; the link works once, a newer
// link replaces it, and an expired one says so. At 1440×900 and 390×844.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signInOverHttp } from "./fixtures/accounts";

// Several accounts, pages and axe runs per test on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

const SIZES = [
  { name: "desktop", viewport: { width: 1440, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

async function signIn(request: APIRequestContext, email: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  return (await request.storageState()).cookies.some((c) => c.name === "next-auth.session-token");
}

/** The users page's reset link for the account (the card on phones, the table row from 640 px). */
async function makeResetLink(page: Page, email: string): Promise<string> {
  await page.goto("/admin/users");
  const button = page.getByRole("button", { name: `Password reset link for ${email}` }).filter({ visible: true });
  await button.click();
  const link = page.getByLabel(`Reset link for ${email}`, { exact: true }).filter({ visible: true });
  await expect(link).toContainText("/reset/");
  return new URL((await link.textContent())!.trim()).pathname;
}

async function freshPage(browser: Browser, baseURL: string | undefined, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL, viewport });
  return { context, page: await context.newPage() };
}

async function expireLinks(email: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE "PasswordReset" r SET "createdAt" = r."createdAt" - interval '2 days', "expiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute'
       FROM "User" u WHERE u.id = r."userId" AND u.email = $1 AND r."usedAt" IS NULL`, [email]);
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

for (const size of SIZES) {
  test.describe(`password reset at ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test("a reset link sets a new password once and signs the account out everywhere", async ({ page, browser, baseURL }) => {
      const email = `reset-${size.name}-${Date.now()}@example.com`;
      await signInOverHttp(page.request, "ADMIN");
      expect((await page.request.post("/api/users", { data: { email, password: "the old password", role: "RESEARCHER" } })).status()).toBe(201);

      // The researcher is signed in elsewhere with the old password.
      const signedIn = await freshPage(browser, baseURL, size.viewport);
      expect(await signIn(signedIn.page.request, email, "the old password")).toBe(true);
      await signedIn.page.goto("/studies");
      await expect(signedIn.page).toHaveURL(/\/studies$/);

      const replaced = await makeResetLink(page, email);
      const link = await makeResetLink(page, email);
      expect(link).not.toBe(replaced);
      await page.screenshot({ path: test.info().outputPath(`users-reset-link-${size.name}.png`), fullPage: true });

      const visitor = await freshPage(browser, baseURL, size.viewport);
      await visitor.page.goto(replaced);
      await expect(visitor.page.getByRole("heading", { name: "This password reset link is not valid." })).toBeVisible();
      await visitor.page.goto(link);
      await expect(visitor.page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
      await expect(visitor.page.getByText(email)).toBeHidden();
      await visitor.page.getByLabel(/Choose a password/).fill("the brand new password");
      await visitor.page.getByRole("button", { name: "Set password" }).click();
      await expect(visitor.page.getByRole("status")).toContainText("Your password is set.");

      // The old session is over; the old password no longer works, the new one does.
      await signedIn.page.goto("/studies");
      await expect(signedIn.page).toHaveURL(/\/login/);
      const again = await freshPage(browser, baseURL, size.viewport);
      expect(await signIn(again.page.request, email, "the old password")).toBe(false);
      expect(await signIn(again.page.request, email, "the brand new password")).toBe(true);

      await visitor.page.goto(link);
      await expect(visitor.page.getByRole("heading", { name: "This password reset link was already used." })).toBeVisible();
      await Promise.all([signedIn.context.close(), visitor.context.close(), again.context.close()]);
    });

    test("an expired reset link says so and changes nothing", async ({ page, browser, baseURL }) => {
      const email = `expired-${size.name}-${Date.now()}@example.com`;
      await signInOverHttp(page.request, "ADMIN");
      expect((await page.request.post("/api/users", { data: { email, password: "the old password", role: "RATER" } })).status()).toBe(201);
      const link = await makeResetLink(page, email);
      await expireLinks(email);
      const visitor = await freshPage(browser, baseURL, size.viewport);
      await visitor.page.goto(link);
      await expect(visitor.page.getByRole("heading", { name: "This password reset link has expired." })).toBeVisible();
      await expect(visitor.page.getByText("Links work for 24 hours. Ask an admin for a new link.")).toBeVisible();
      expect(await signIn(visitor.page.request, email, "the old password")).toBe(true);
      await visitor.context.close();
    });
  });
}
