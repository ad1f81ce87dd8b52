// Freezing results: the frozen page keeps the figures under a stable link with a "Frozen on" badge,
// says when the current figures differ and when votes were withdrawn after the freeze, and its
// export hashes to the sha256 it shows. With SCREENSHOTS=1 saved as docs/screenshots/results-frozen.png.
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

async function voteOnce(rater: APIRequestContext, studyId: string) {
  const pair = await json<{ assignmentId: string }>(await rater.get(`/api/studies/${studyId}/next`));
  await json(await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: pair.assignmentId, choice: "LEFT", seenBothMs: 800 } }));
}

test("freeze the results, then see the frozen figures with their badge, the differ note and the withdrawal note", async ({ page, playwright, baseURL }, info) => {
  test.setTimeout(180_000);
  const newContext = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const admin = await newContext();
  await signInOverHttp(admin, "ADMIN");
  const stamp = `freeze-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const rows = [1, 2, 3].flatMap((i) => [
    { instruction: `Freeze prompt ${i} (${stamp})`, output: `first ${i}`, generator: `fz-a-${stamp}` },
    { instruction: `Freeze prompt ${i} (${stamp})`, output: `second ${i}`, generator: `fz-b-${stamp}` },
  ]);
  const { studyId } = await openStudyFromRows(admin, rows, { votesPerPair: 1 });
  await json(await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } }));
  const rater = await newContext();
  await signInOverHttp(rater, "RATER");
  await voteOnce(rater, studyId);

  await signInOverHttp(page.request, "RESEARCHER");
  await page.goto(`/studies/${studyId}/results`);
  await page.getByLabel("Label (optional)").fill("Table 2");
  await page.getByRole("button", { name: "Freeze results" }).click();
  await expect(page).toHaveURL(new RegExp(`/studies/${studyId}/results/frozen/[^/]+$`));
  const frozenUrl = page.url();
  await expect(page.getByText(/^Frozen on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/)).toBeVisible();
  await expect(page.getByText("Table 2")).toBeVisible();
  await expect(page.getByText("The current figures are the same as these.")).toBeVisible();
  const sha = (await page.locator("dd.font-mono").textContent())!;
  const exported = await page.request.get(await page.getByRole("link", { name: "Download the frozen votes (JSON Lines)" }).getAttribute("href") ?? "");
  expect(exported.status()).toBe(200);
  const body = await exported.body();
  expect(createHash("sha256").update(body).digest("hex")).toBe(sha);
  expect(body.toString("utf8").trim().split("\n")).toHaveLength(1);

  // A new vote: the current figures differ; the frozen ones stay.
  await voteOnce(rater, studyId);
  await page.goto(frozenUrl);
  // The note names what differs, as the dashboard names it: one more vote changes the totals among others
  // (and the model order when it changes the leader).
  await expect(page.getByRole("note").filter({ hasText: "The current figures differ" }))
    .toHaveText(/^The current figures differ from these frozen ones, in (the study's pairs and model order, )?the totals, the model comparisons\b.*\.$/);
  await expect(page.getByRole("definition").filter({ hasText: /^1$/ }).first()).toBeVisible();
  await expect(page.getByText(/computed before a withdrawal/)).toHaveCount(0);

  // The rater asks to withdraw; an admin does it: the frozen page says its figures came before that.
  const { raters } = await json<{ raters: { pseudonym: string }[] }>(await admin.get(`/api/studies/${studyId}/results`));
  await json(await admin.post(`/api/studies/${studyId}/raters/withdraw`, { data: { pseudonym: raters[0]!.pseudonym } }));
  await page.goto(frozenUrl);
  await expect(page.getByText(/These figures were computed before a withdrawal/)).toBeVisible();
  await expect(page.getByText(/^Frozen on /)).toBeVisible();
  await page.screenshot({ path: process.env.SCREENSHOTS ? "docs/screenshots/results-frozen.png" : info.outputPath("results-frozen.png"), fullPage: false });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // The results page lists it.
  await page.goto(`/studies/${studyId}/results`);
  await expect(page.getByRole("list", { name: "Frozen results" }).getByRole("link", { name: "Table 2" })).toHaveAttribute("href", new URL(frozenUrl).pathname);
  await Promise.all([admin.dispose(), rater.dispose()]);
});
