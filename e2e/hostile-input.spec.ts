// A corpus of hostile inputs: each gets a clear 4xx or is stored as inert text; the server survives.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/accounts";
import { openStudyFromRows } from "./fixtures/studies";

function upload(admin: APIRequestContext, name: string, bytes: Buffer, fields: Record<string, string> = {}) {
  return admin.post("/api/uploads", { multipart: { file: { name, mimeType: "application/octet-stream", buffer: bytes }, ...fields } });
}

async function expectRefused(res: Awaited<ReturnType<APIRequestContext["post"]>>, status: number, message: RegExp) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; issues?: unknown } };
  expect(JSON.stringify(body.error)).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
}

test("hostile uploads get clear 4xx answers and import nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = page.request;
  await signInOverHttp(admin, "ADMIN");

  await expectRefused(await upload(admin, "big.json", Buffer.alloc(17 * 1024 * 1024, 0x20)), 413, /larger than the limit/);
  await expectRefused(await upload(admin, "deep.json", Buffer.from(`${"[".repeat(50_000)}${"]".repeat(50_000)}`)), 422, /nested too deeply/);
  const huge = JSON.stringify([{ instruction: "x".repeat(10 * 1024 * 1024), output: "y", generator: "m" }]);
  await expectRefused(await upload(admin, "field.json", Buffer.from(huge)), 422, /instruction is too long/);
  await expectRefused(await upload(admin, "nul.json", Buffer.from(JSON.stringify([{ instruction: "a\u0000b", output: "y", generator: "m" }]))), 422, /NUL character/);
  await expectRefused(await upload(admin, "latin1.csv", Buffer.from([...Buffer.from("instruction,output,model\ncaf"), 0xe9, ...Buffer.from(",x,m\n")])), 422, /not valid UTF-8/);
  await expectRefused(await upload(admin, "rtl.json", Buffer.from(JSON.stringify([{ instruction: "a", output: "b", generator: "gpt\u202Elive" }]))), 422, /row 1: generator must not contain control or text-direction characters/);
  await expectRefused(await upload(admin, "noise.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])), 422, /NUL|UTF-8|format/);
  await expectRefused(await admin.post("/api/studies", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }), 400, /invalid_json/);

  // Other tests upload in parallel: look for these files by name, not at the count.
  const after = (await (await admin.get("/api/uploads")).json()) as { uploads: { fileName: string }[] };
  const hostile = ["big.json", "deep.json", "field.json", "nul.json", "latin1.csv", "rtl.json", "noise.bin"];
  expect(after.uploads.filter((u) => hostile.includes(u.fileName))).toEqual([]);
  expect((await admin.get("/api/health")).status()).toBe(200);
});

test("markup and SQL in every text field are stored and shown as inert text", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const sql = `'; DROP TABLE "Vote"; --`;
  const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(admin, "ADMIN");
  const rows = [
    { instruction: `<script>window.__pwned = 1</script> ${sql} ${stamp}`, output: `<img src=x onerror="window.__pwned = 2">`, generator: `hostile-a-${stamp}` },
    { instruction: `<script>window.__pwned = 1</script> ${sql} ${stamp}`, output: `=HYPERLINK("http://evil.example", "click")`, generator: `hostile-b-${stamp}` },
  ];
  const { studyId } = await openStudyFromRows(admin, rows, {
    name: `<img src=x onerror="window.__pwned = 3"> ${stamp}`,
    guidelines: `<script>window.__pwned = 4</script> Be fair. ${sql}`,
    votesPerPair: 1,
    rationale: "OPTIONAL",
  });
  expect((await admin.post(`/api/studies/${studyId}/raters`, { data: { emails: "rater@example.com" } })).status()).toBe(200);

  // The admin's study page shows the name as text.
  await signInOverHttp(page.request, "ADMIN");
  await page.goto(`/admin/studies/${studyId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`<img src=x onerror="window.__pwned = 3">`);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The rater sees guidelines and answers without anything running, and votes with a hostile rationale.
  const rater = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await signInOverHttp(rater, "RATER");
  const next = (await (await rater.get(`/api/studies/${studyId}/next`)).json()) as { assignmentId: string; prompt: { instruction: string } };
  expect(next.prompt.instruction).toContain(sql);
  const vote = await rater.post(`/api/studies/${studyId}/votes`, { data: { assignmentId: next.assignmentId, choice: "TIE", rationale: `=cmd|' /C calc'!A0 <script>x</script>` } });
  expect(vote.status()).toBe(200);
  await rater.dispose();

  // Exports neutralise formula cells; the database is intact.
  const csv = await (await admin.get(`/api/studies/${studyId}/export?format=csv`)).text();
  expect(csv).toContain(`'=cmd|`);
  expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  const { study } = (await (await admin.get(`/api/studies/${studyId}`)).json()) as { study: { votes: number } };
  expect(study.votes).toBe(1);
  await admin.dispose();
});
