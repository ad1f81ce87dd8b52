import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where installed (Playwright cannot download its own browser here);
// CHROMIUM_PATH overrides it, and with neither, Playwright's own browser is used.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const RATER_SPECS = /rating[^/]*\.spec\.ts$/;

const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // page.request calls stand for the app's own pages, which the API requires of state-changing
    // requests (CSRF); browsers send this header themselves on their own POSTs.
    extraHTTPHeaders: { origin: baseURL },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // The rater's specs run on a large desktop and on a phone-sized touch screen; everything else once.
  projects: [
    { name: "desktop", testIgnore: RATER_SPECS, use: { ...devices["Desktop Chrome"] } },
    { name: "rater-desktop", testMatch: RATER_SPECS, use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
    {
      name: "rater-phone",
      testMatch: RATER_SPECS,
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    },
  ],
});
