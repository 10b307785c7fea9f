// Time from navigation to a usable task pane (the role search box accepts input) in headless
// Chromium, over the preview page of a production build. Used by `npm run bench`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium as playwright } from "playwright-core";
import { serveStatic } from "../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's Chromium with a scratch HOME so it leaves no profile behind. */
export async function launchChromium(executablePath) {
  const home = mkdtempSync(join(tmpdir(), "crewrate-chromium-"));
  const browser = await playwright.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function measureFirstRender({ dist, chromium, runs = 5 }) {
  const server = await serveStatic({ dir: dist });
  const { browser, close } = await launchChromium(chromium);
  try {
    const times = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(`${server.url}/preview.html`);
      await page
        .getByRole("searchbox", { name: "Find a crew role" })
        .or(page.getByLabel("Find a crew role"))
        .first()
        .waitFor({ state: "visible" });
      const ms = Date.now() - t0;
      if (i > 0) times.push(ms); // the first run warms the server's file cache
      await page.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    await close();
    await server.close();
  }
}
