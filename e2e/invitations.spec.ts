// An admin invites people by email and sends each the link the app shows once: the link makes that
// person's rater account in the study, works once, and a fresh link replaces an unused one. Signing up
// through the study's own link with a taken email gets in only with that account's password.
import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

async function studyAsAdmin(page: Page, stamp: number) {
  await signInOverHttp(page.request, "ADMIN");
  const name = `Invited study ${stamp}`;
  const { studyId } = await openStudyFromRows(page.request, [
    { instruction: `Invitation prompt ${stamp}`, output: "one", generator: `invite-a-${stamp}` },
    { instruction: `Invitation prompt ${stamp}`, output: "two", generator: `invite-b-${stamp}` },
  ], { name, description: "Which answer is kinder?" });
  await page.goto(`/admin/studies/${studyId}`);
  return { studyId, name };
}

async function invite(page: Page, email: string): Promise<string> {
  await page.getByLabel("Add raters by email").fill(email);
  await page.getByRole("button", { name: "Add raters" }).click();
  await expect(page.getByText("0 added · 1 invited")).toBeVisible();
  const link = page.getByLabel(`Link for ${email}`, { exact: true });
  await expect(link).toContainText("/invite/");
  return (await link.textContent())!;
}

const invitationOf = (page: Page, email: string) =>
  page.getByRole("list", { name: "Email invitations" }).getByRole("listitem").filter({ hasText: email });

test("an invited person opens the copied link, creates their account and lands in the study; the link then is used up", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const { studyId, name } = await studyAsAdmin(page, stamp);
  const email = `invitee-${stamp}@example.com`;
  const shown = await invite(page, email);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const copy = page.getByRole("listitem").filter({ has: page.getByLabel(`Link for ${email}`, { exact: true }) }).getByRole("button");
  await copy.click();
  await expect(copy).toHaveText("Copied");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(shown);
  await expect(invitationOf(page, email)).toContainText("pending until");

  // The invited person, in a browser of their own.
  const invitee = await browser.newContext({ baseURL });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { name: `Join “${name}”` })).toBeVisible();
  await expect(inviteePage.getByText("Which answer is kinder?")).toBeVisible();
  await expect(inviteePage.getByLabel("Email")).toHaveValue(email);
  expect(await inviteePage.content()).not.toContain(`invite-a-${stamp}`);
  await inviteePage.getByLabel(/Choose a password/).fill("a long enough password");
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(inviteePage).toHaveURL(`/studies/${studyId}/rate`);
  await expect(inviteePage.getByRole("button", { name: "Start rating" }).or(inviteePage.getByRole("button", { name: "A is better" }))).toBeVisible();
  await invitee.close();

  // Anyone opening the same link afterwards is told it is used up.
  const late = await browser.newContext({ baseURL });
  const latePage = await late.newPage();
  await latePage.goto(link);
  await expect(latePage.getByRole("heading", { name: "This invitation link is not valid (any more)." })).toBeVisible();
  await expect(latePage.getByLabel(/Choose a password/)).toHaveCount(0);
  await late.close();

  await page.reload();
  await expect(invitationOf(page, email)).toContainText("accepted");
  await expect(page.getByRole("list", { name: "Members" })).toContainText(email);
});

test("a fresh link for an invitation makes the old one invalid", async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  await studyAsAdmin(page, stamp);
  const email = `renewed-${stamp}@example.com`;
  const first = await invite(page, email);
  await page.getByRole("button", { name: `New link for ${email}` }).click();
  const fresh = page.getByRole("list", { name: "Email invitations" }).locator("..").getByLabel(`Link for ${email}`, { exact: true });
  await expect(fresh).toContainText("/invite/");
  const second = (await fresh.textContent())!;
  expect(second).not.toBe(first);

  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(first);
  await expect(visitorPage.getByRole("heading", { name: "This invitation link is not valid (any more)." })).toBeVisible();
  await visitorPage.goto(second);
  await expect(visitorPage.getByLabel("Email")).toHaveValue(email);
  await visitor.close();
});

test("signing up through a study's link with an email that has an account asks for that account's password", async ({ browser, playwright, baseURL }) => {
  const stamp = Date.now();
  const admin = await playwright.request.newContext({ baseURL });
  await signInOverHttp(admin, "ADMIN");
  const { studyId, inviteToken } = await openStudyFromRows(admin, [
    { instruction: `Join prompt ${stamp}`, output: "one", generator: `join-a-${stamp}` },
    { instruction: `Join prompt ${stamp}`, output: "two", generator: `join-b-${stamp}` },
  ]);
  await admin.dispose();
  const email = `owner-${stamp}@example.com`;
  const signUp = async (password: string) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`/join/${inviteToken}`);
    await expect(page.getByText("If you already have an account, sign in instead.")).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/Choose a password/).fill(password);
    await page.getByRole("button", { name: "Create account and join" }).click();
    return { context, page };
  };

  const owner = await signUp("the owner's password");
  await expect(owner.page).toHaveURL(`/studies/${studyId}/rate`);
  await owner.context.close();

  const other = await signUp("someone else's password");
  await expect(other.page.getByRole("main").getByRole("alert")).toHaveText(/sign in with that account's password instead/);
  await expect(other.page).toHaveURL(`/join/${inviteToken}`);
  expect((await other.page.request.get(`/api/studies/${studyId}/next`)).status()).toBe(401);
  await other.context.close();
});
