// Which Chromium the browser tests, the page-weight bench and the charts launch. Playwright cannot
// download its own browser here, so Debian's is used: its headless shell (package
// chromium-headless-shell, what Playwright itself runs headless) where installed, since a new page opens
// in it about three times faster than in the full browser's headless mode (docs/testing.md); else the
// full browser. CHROMIUM_PATH overrides both; with none of them, Playwright's own browser.
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"];

export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH || CANDIDATES.find((file) => existsSync(file));
}
