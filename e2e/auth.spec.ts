import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInOverHttp, type RoleName } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

for (const role of Object.keys(ACCOUNTS) as RoleName[]) {
  test(`${role.toLowerCase()} signs in through the form and lands on their home`, async ({ page }) => {
    const account = ACCOUNTS[role];
    await page.goto("/login");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(account.home);
    await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
  });
}

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const messages: string[] = [];
  for (const email of [ACCOUNTS.ADMIN.email, "nobody-here@example.com"]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("definitely-not-it");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("form").getByRole("alert");
    await expect(alert).toHaveText("Email or password is incorrect.");
    messages.push((await alert.textContent()) ?? "");
    await expect(page).toHaveURL(/\/login/);
  }
  expect(messages[0]).toBe(messages[1]);
});

// Each of these once sent (or could send) the browser to evil.example after a valid sign-in.
const HOSTILE_CALLBACKS = ["/\\evil.example/phish", "/%5Cevil.example/phish", "//evil.example/phish", "https://evil.example/phish", "javascript:alert(document.domain)", "/%09/evil.example"];

for (const callback of HOSTILE_CALLBACKS) {
  test(`sign-in never redirects off the site (callbackUrl=${callback})`, async ({ page, baseURL }) => {
    const offSite: string[] = [];
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
      offSite.push(route.request().url());
      return route.fulfill({ status: 200, body: "phished" });
    });
    await page.goto(`/login?callbackUrl=${callback}`);
    await page.getByLabel("Email").fill(ACCOUNTS.RESEARCHER.email);
    await page.getByLabel("Password").fill(ACCOUNTS.RESEARCHER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(ACCOUNTS.RESEARCHER.home);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(offSite).toEqual([]);
  });
}

test("a signed-out visitor is sent to sign-in and comes back after", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await page.getByLabel("Email").fill(ACCOUNTS.ADMIN.email);
  await page.getByLabel("Password").fill(ACCOUNTS.ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin");
});

test("signing out ends the session on the server, not only in the browser", async ({ page, playwright, baseURL }) => {
  await signInOverHttp(page.request, "ADMIN");
  const { cookies } = await page.context().storageState();
  await page.goto("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replay the cookie captured before sign-out from a separate HTTP client.
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] }, extraHTTPHeaders: { origin: baseURL! } });
  expect((await replay.get("/api/studies")).status()).toBe(401);
  await replay.dispose();
});

test("repeated failed sign-ins for one account are rate limited, with a clear message", async ({ page }) => {
  const email = `locked-${Date.now()}@example.com`;
  await page.goto("/login");
  const alert = page.locator("form").getByRole("alert");
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const expected = attempt <= 5 ? "Email or password is incorrect." : "Too many sign-in attempts. Wait a few minutes, then try again.";
    await expect(alert).toHaveText(expected);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
});

// The vote route checks the session inside its one statement; a dead session must still get a 401
// and leave the pair unvoted.
test("a vote sent with a signed-out rater's cookie is refused and not recorded", async ({ page, playwright, baseURL }) => {
  const stamp = Date.now();
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const { studyId, inviteToken } = await openStudyFromRows(admin, [
    { instruction: `Replay prompt ${stamp}`, output: "one", generator: `replay-a-${stamp}` },
    { instruction: `Replay prompt ${stamp}`, output: "two", generator: `replay-b-${stamp}` },
  ], { votesPerPair: 1 });
  await admin.dispose();
  const email = `replay-${stamp}@example.com`;
  const password = "a long enough password";
  await page.goto(`/join/${inviteToken}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Choose a password/).fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(`/studies/${studyId}/rate`);
  const { assignmentId } = (await (await page.request.get(`/api/studies/${studyId}/next`)).json()) as { assignmentId: string };
  expect(assignmentId).toBeTruthy();
  const { cookies } = await page.context().storageState();

  await page.goto("/rate");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] }, extraHTTPHeaders: { origin: baseURL! } });
  const refused = await replay.post(`/api/studies/${studyId}/votes`, { data: { assignmentId, choice: "LEFT" } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthenticated");
  expect((await replay.get(`/api/studies/${studyId}/next`)).status()).toBe(401);
  await replay.dispose();

  // Signed in again, the rater still holds the same unvoted pair, and this vote counts.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const again = (await (await page.request.get(`/api/studies/${studyId}/next`)).json()) as { assignmentId: string; progress: { judgedByYou: number } };
  expect(again).toMatchObject({ assignmentId, progress: { judgedByYou: 0 } });
  expect((await page.request.post(`/api/studies/${studyId}/votes`, { data: { assignmentId, choice: "LEFT" } })).status()).toBe(200);
});
