import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./scripts/lib/chromium";

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
      executablePath: chromiumPath(),
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
