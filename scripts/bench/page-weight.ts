// Page weight and time to a usable rating page (issue 19, target 6): the compressed JavaScript and
// fonts the demo study's rating page transfers, and, on a phone profile (4× CPU slowdown, 1.6 Mbit/s
// down, 150 ms latency), the time from navigation until the page's first control answers a tap, and
// until the vote buttons do (after Start rating, where the study shows guidelines first). Chromium through Playwright, with the DevTools protocol.
import { chromium, type Page } from "@playwright/test";
import { chromiumPath } from "../lib/chromium";

export type PageWeight = { path: string; scriptBytes: number; fontBytes: number; totalBytes: number; scripts: number; scriptList: { url: string; bytes: number }[]; usableMs: number; votableMs: number; lcpMs: number };

const PHONE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, offline: false };

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Loads `path` cold (no cache) under the phone profile and counts what it transferred. */
export async function measurePage(baseUrl: string, path: string, account: { email: string; password: string }): Promise<PageWeight> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, account.email, account.password);
    // Sign-in lands on the rater's home by a client-side navigation that may still be loading that
    // page's chunk and prefetching: a same-origin page without scripts (the health check's JSON) first,
    // so only the rating page's own requests are counted.
    await page.goto(`${baseUrl}/api/health`);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", PHONE);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    // The target counts compressed JavaScript: a response's body, without its HTTP headers (about half a
    // KB each over HTTP/1.1, and mostly gone behind an HTTP/2 proxy). Header bytes: what had arrived when
    // the response began.
    const headerBytes = new Map<string, number>();
    const scriptList: { url: string; bytes: number }[] = [];
    const bytes = { script: 0, font: 0, total: 0, scripts: 0 };
    cdp.on("Network.responseReceived", (e) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
      headerBytes.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on("Network.loadingFinished", (e) => {
      const type = types.get(e.requestId);
      const body = e.encodedDataLength - (headerBytes.get(e.requestId) ?? 0);
      bytes.total += e.encodedDataLength;
      if (type === "Script") {
        bytes.script += body;
        bytes.scripts++;
        scriptList.push({ url: urls.get(e.requestId)!.replace(baseUrl, ""), bytes: body });
      }
      if (type === "Font") bytes.font += body;
    });
    const started = Date.now();
    await page.goto(`${baseUrl}${path}`, { waitUntil: "commit" });
    // Usable: the page's first control (Start rating after the guidelines, else a vote button) is on
    // screen and React has attached its handlers (hydrated), so a tap does something.
    const hydrated = (name: string) =>
      page.waitForFunction((label) => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === label);
        return !!button && button.offsetParent !== null && Object.keys(button).some((k) => k.startsWith("__reactProps"));
      }, name, { timeout: 60_000, polling: 50 });
    const first = await Promise.race([hydrated("Start rating").then(() => "start"), hydrated("A is better").then(() => "vote")]);
    const usableMs = Date.now() - started;
    if (first === "start") await page.getByRole("button", { name: "Start rating" }).click();
    await hydrated("A is better");
    const votableMs = Date.now() - started;
    await page.waitForLoadState("networkidle");
    const lcpMs = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? -1)).observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(-1), 2_000);
    }));
    return { path, scriptBytes: bytes.script, fontBytes: bytes.font, totalBytes: bytes.total, scripts: bytes.scripts, scriptList: scriptList.sort((a, b) => b.bytes - a.bytes), usableMs, votableMs, lcpMs };
  } finally {
    await browser.close();
  }
}
