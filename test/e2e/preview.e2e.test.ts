/**
 * End to end: the production build's preview page in headless Chromium (Debian's, through
 * playwright-core), driven as a producer would. Fails on any request that leaves localhost and on
 * any console error. Screenshots go to test-results/ (look at them).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import webpack from "webpack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { formatUsd } from "../../src/engine";
import { COLUMNS, FIRST_LINE_ROW, SETTINGS, TABLE_FIRST_ROW } from "../../src/budget";
import { launchChromium } from "../../bench/firstRender.mjs";
import { serveStatic, type StaticServer } from "../../scripts/serve.mjs";
// @ts-expect-error -- the webpack config is plain ESM
import makeConfig from "../../webpack.config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const results = `${root}test-results/`;
const dist = `${results}e2e-dist`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Launched = Awaited<ReturnType<typeof launchChromium>>;

function buildProduction(): Promise<void> {
  const config = (makeConfig as (env: object, argv: { mode: string }) => webpack.Configuration)(
    {},
    { mode: "production" },
  );
  return new Promise((resolve, reject) => {
    webpack(
      { ...config, mode: "production", output: { ...config.output, path: dist } },
      (err, stats) => {
        if (err) reject(err);
        else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
        else resolve();
      },
    );
  });
}

const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);
/** The sheet's default hours per day, which inserted lines pass to CREW formulas. */
const SHEET_HOURS = Number(SETTINGS.find((s) => s.name === "HoursPerDay")?.value);

// Skipped only on a developer machine without Chromium; in CI (CI=true) a missing browser fails.
const hasChromium = existsSync(chromiumPath) || Boolean(process.env.CI);

describe.skipIf(!hasChromium)("the preview in headless Chromium", () => {
  let server: StaticServer;
  let chromium: Launched;
  let page: Page;
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  let firstRenderMs = 0;

  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    await buildProduction();
    server = await serveStatic({ dir: dist });
    chromium = await launchChromium(chromiumPath);
    page = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:"))
        outside.push(url);
    });
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("response", (res) => {
      if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    const t0 = Date.now();
    await page.goto(`${server.url}/preview.html`);
    await page.getByLabel("Find a crew role").first().waitFor({ state: "visible" });
    firstRenderMs = Date.now() - t0;
  }, 300_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const budgetCell = (row: number, column: (typeof COLUMNS)[number]) =>
    page.locator(
      `table[aria-label="Budget sheet"] td[data-row="${row}"][data-col="${col(column)}"]`,
    );

  it("keeps HyperFormula (GPL) out of the add-in bundles: only the preview has it", () => {
    const has = (file: string) => readFileSync(`${dist}/${file}`, "utf8").includes("HyperFormula");
    expect(["runtime.js", "card.js", "taskpane.js", "functions.js"].filter(has)).toEqual([]);
    expect(has("preview.js")).toBe(true);
  });

  it("shows the pane and says it is a preview", async () => {
    expect(await page.getByText("CrewRate preview").count()).toBeGreaterThan(0);
    expect(await page.getByText("This is a preview").count()).toBeGreaterThan(0);
    console.log(`e2e: navigation to a usable pane took ${firstRenderMs} ms`);
    await page.screenshot({ path: `${results}preview-start.png` });
  });

  it("finds Post Producer, inserts 10 weeks, and the grid total equals the engine's quote", async () => {
    await page.getByLabel("Find a crew role").first().fill("post prod");
    const option = page.getByRole("option", { name: /Post Producer/ }).first();
    await option.waitFor();
    await option.click();
    await page
      .getByRole("spinbutton", { name: "Quantity" })
      .or(page.getByLabel("Quantity"))
      .first()
      .fill("10");
    await page.getByRole("button", { name: "Insert crew line" }).click();
    const row = FIRST_LINE_ROW - 1;
    const expected = formatUsd(
      engine.quote({ role: "Post Producer", quantity: 10, hoursPerDay: SHEET_HOURS }).totalCents,
    );
    await expect
      .poll(async () => budgetCell(row, "Total").textContent(), { timeout: 10_000 })
      .toBe(expected);
    await page.screenshot({ path: `${results}preview-inserted.png` });
  });

  it("recalculates when Qty is edited in the grid", async () => {
    const row = FIRST_LINE_ROW - 1;
    await budgetCell(row, "Qty").click();
    const input = page.locator('input[aria-label^="Contents of"]');
    await input.fill("12");
    await input.press("Enter");
    const expected = formatUsd(
      engine.quote({ role: "Post Producer", quantity: 12, hoursPerDay: SHEET_HOURS }).totalCents,
    );
    await expect
      .poll(async () => budgetCell(row, "Total").textContent(), { timeout: 10_000 })
      .toBe(expected);
  });

  it("inserts the camera department's typical crew", async () => {
    await page.getByLabel("Find a crew role").first().fill("DP");
    await page
      .getByRole("option", { name: /Director of Photography/ })
      .first()
      .click();
    await page.getByRole("button", { name: /Insert typical Camera crew/ }).click();
    await expect
      .poll(
        async () =>
          page
            .locator('table[aria-label="Budget sheet"] td', { hasText: "Director of Photography" })
            .count(),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${results}preview-camera.png`, fullPage: false });
  });

  it("shows #VALUE! with a message naming Post Producer for a mistyped role", async () => {
    const cell = page.locator('table[aria-label="Budget sheet"] td[data-row="1"][data-col="8"]');
    await cell.click();
    const input = page.locator('input[aria-label^="Contents of"]');
    await input.fill('=CREW.RATE("Post Produce", 1)');
    await input.press("Enter");
    await expect.poll(async () => cell.textContent(), { timeout: 10_000 }).toBe("#VALUE!");
    await cell.click();
    await expect
      .poll(async () => page.getByRole("status").first().textContent())
      .toMatch(/Did you mean Post Producer/);
    await page.screenshot({ path: `${results}preview-error.png` });
  });

  /** Types into one cell of a sheet as a producer would: click, type, Enter. */
  async function typeInto(sheet: string, row: number, column: number, text: string) {
    await page.getByRole("tab", { name: sheet }).click();
    await page
      .locator(`table[aria-label="${sheet} sheet"] td[data-row="${row}"][data-col="${column}"]`)
      .click();
    const input = page.locator('input[aria-label^="Contents of"]');
    await input.fill(text);
    await input.press("Enter");
  }

  it("prices the Post Producer line at a rate typed on the Rate Overrides sheet, marked as an override", async () => {
    const line = TABLE_FIRST_ROW - 1;
    await typeInto("Rate Overrides", line, 0, "Post Producer");
    await typeInto("Rate Overrides", line, 2, "week");
    await typeInto("Rate Overrides", line, 3, "6000");
    await typeInto("Rate Overrides", line, 4, "Deal memo 3 Nov");
    await page.getByRole("tab", { name: "Budget" }).click();
    const row = FIRST_LINE_ROW - 1;
    const expected = formatUsd(
      engine
        .withProduction({
          overrides: [["Post Producer", "", "week", 6000, "Deal memo 3 Nov"]],
          roles: [],
        })
        .quote({ role: "Post Producer", quantity: 12, hoursPerDay: SHEET_HOURS }).totalCents,
    );
    await expect
      .poll(async () => budgetCell(row, "Total").textContent(), { timeout: 10_000 })
      .toBe(expected);
    expect(await budgetCell(row, "Basis").textContent()).toBe("Override (Rate Overrides line 1)");
  });

  it("adds the production's own role from the pane and inserts it", async () => {
    await page.getByRole("button", { name: "Add a role" }).click();
    const form = page.getByRole("form", { name: "Add a role" });
    await form.getByLabel("Title").fill("Drone Pilot");
    await form.getByLabel("Department").selectOption("Camera");
    await form.getByLabel("Description").fill("Flies the aerial unit's drone and keeps its logs.");
    await form.getByLabel("Rate ($)").fill("1200");
    await form.getByRole("button", { name: "Add role" }).click();
    await page.getByRole("heading", { level: 2, name: "Drone Pilot" }).waitFor();
    await page.screenshot({ path: `${results}preview-production-role.png` });
    await page.getByRole("button", { name: "Insert crew line" }).click();
    await expect
      .poll(
        async () =>
          page
            .locator('table[aria-label="Budget sheet"] td', {
              hasText: "Production role (Production Roles line 1)",
            })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);
  });

  it("downloads the workbook as a real .xlsx carrying formulas, values and the add-in part", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("CrewRate budget.xlsx");
    const parts = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        "xl/workbook.xml",
        "xl/webextensions/webextension1.xml",
        "xl/webextensions/taskpanes.xml",
      ]),
    );
    const budget = strFromU8(parts["xl/worksheets/sheet1.xml"]!);
    expect(budget).toContain("_xldudf_CREW_RATE(");
    expect(strFromU8(parts["xl/workbook.xml"]!)).toContain('name="Rate Overrides"');
  });

  it("made no request outside localhost and logged no console error", () => {
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
