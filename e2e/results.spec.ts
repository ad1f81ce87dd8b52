// The researcher's dashboard on the demo study, and the exports behind it.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";

test("a researcher opens the demo study's results and sees the tally, intervals and raters", async ({ page }) => {
  await signInOverHttp(page.request, "RESEARCHER");
  await page.goto("/studies");
  await page.getByRole("link", { name: "Demo study: everyday instructions" }).click();
  await expect(page).toHaveURL(/\/studies\/[^/]+\/results$/);
  for (const name of ["Headline", "Win rate", "Rater agreement", "Position bias", "Raters"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  const headline = page.getByRole("region", { name: "Headline" });
  await expect(headline).toContainText(/wins \d+ versus \d+ comparisons against/);
  await expect(headline).toContainText("hare-13b (demo)");
  // When the figures were computed (large studies may show kept ones): a UTC time of day.
  await expect(page.getByTitle("When these figures were computed")).toHaveText(/^as of \d{2}:\d{2}:\d{2} UTC$/);
});

test("exports de-blind the votes, and only staff get them", async ({ page, playwright, baseURL }) => {
  await signInOverHttp(page.request, "RESEARCHER");
  const { studies } = (await (await page.request.get("/api/studies")).json()) as { studies: { id: string; isDemo: boolean }[] };
  const demo = studies.find((s) => s.isDemo)!;
  const csv = await page.request.get(`/api/studies/${demo.id}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toContain("model");
  expect(text).toContain("tortoise-7b (demo)");
  const battles = await page.request.get(`/api/studies/${demo.id}/export?format=battles`);
  const records = (await battles.json()) as Record<string, string>[];
  expect(records.length).toBeGreaterThan(0);
  expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(["model_a", "model_b", "winner"]));
  expect(records.every((r) => ["model_a", "model_b", "tie", "tie (bothbad)"].includes(r.winner!))).toBe(true);

  // The results API says its own server time and, when it computed the figures (a small study always
  // does), the time of each part (the benchmark reports them against the target).
  const results = await page.request.get(`/api/studies/${demo.id}/results`);
  expect(results.status()).toBe(200);
  expect(results.headers()["server-timing"]).toMatch(/^results;dur=\d+(\.\d)?(, \w+;dur=\d+(\.\d)?)+$/);
  expect(results.headers()["server-timing"]).toMatch(/, raters;dur=.*, assemble;dur=/);
  expect((await results.json()).totals.votes).toBeGreaterThan(0);

  // Raters and the anonymous never get the results or the exports.
  const rater = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(rater, "RATER");
  expect((await rater.get(`/api/studies/${demo.id}/results`)).status()).toBe(403);
  expect((await rater.get(`/api/studies/${demo.id}/export?format=csv`)).status()).toBe(403);
  await rater.dispose();
});
