/**
 * One crew line, one rule: the request the pane prices and the card-update diff reprices is the
 * request the line's formulas make, and a person's wages to date are counted as the sheet's SUMIF
 * counts them (ignoring case), checked against the formulas computed by HyperFormula.
 */
import { describe, expect, it } from "vitest";
import {
  crewLineFor,
  defaultSettings,
  diffCardVersions,
  diffLine,
  personKey,
  requestForLine,
  RunningWages,
  wagesToDate,
  type BudgetLine,
} from "../../src/budget";
import { engine, rateCard } from "../../src/data";
import { dollarsToCents, RateEngine } from "../../src/engine";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";
import { newerCard } from "../fixtures/newerCard";

// Two long Post Producer lines for one person, typed with different case: past the Social
// Security wage base, so the second line's fringe depends on the first line's wages.
const LINES = [
  crewLine("Post Producer", 30, "week", "Pat Lee"),
  crewLine("Post Producer", 30, "week", "PAT LEE"),
  crewLine("Gaffer", 10, "week"),
  crewLine("Post Producer", 4, "week", "pat lee"),
];

async function budget(withEngine: RateEngine) {
  const wb = new PreviewWorkbook(withEngine);
  await wb.appendCrewLines(LINES);
  return { lines: await wb.readCrewLines(), settings: await wb.readSettings() };
}

function totalCents(line: BudgetLine): number {
  expect(line.total).toBeTypeOf("number");
  return dollarsToCents(line.total ?? Number.NaN);
}

describe("the crew line's wages-to-date rule", () => {
  it("matches a person ignoring case and surrounding spaces, as SUMIF does; no person, no wages", () => {
    expect(personKey(" Pat Lee ")).toBe(personKey("pat lee"));
    const above = [
      { person: "Pat Lee", subtotal: 100.1 },
      { person: "PAT LEE", subtotal: 0.2 },
      { person: "Sam", subtotal: 50 },
      { person: "pat lee", subtotal: undefined },
    ];
    expect(wagesToDate(above, "pat LEE")).toBe(100.3);
    expect(wagesToDate(above, "")).toBeUndefined();
    const running = new RunningWages();
    running.add("Pat Lee", 10_010);
    running.add("pat lee", 20);
    running.add("", 999);
    expect(running.before("PAT LEE")).toBe(100.3);
    expect(running.before(" ")).toBeUndefined();
  });

  it("prices every line in the pane exactly as the sheet's formulas price it", async () => {
    const { lines, settings } = await budget(engine);
    expect(lines).toHaveLength(LINES.length);
    lines.forEach((line, i) => {
      const request = requestForLine(line, settings, wagesToDate(lines.slice(0, i), line.person));
      expect(engine.quoteFast(request).totalCents).toBe(totalCents(line));
    });
    // The case-insensitive match matters here: counted case-sensitively, line 2 would differ.
    const caseSensitive = requestForLine(lines[1]!, settings, 0);
    expect(engine.quoteFast(caseSensitive).totalCents).not.toBe(totalCents(lines[1]!));
  });

  it("lets the card-update diff start from the sheet's own totals", async () => {
    const newer = new RateEngine(newerCard());
    const { lines, settings } = await budget(newer);
    expect(settings.cardVersion).toBe(rateCard.meta.version);
    const diff = diffCardVersions(
      newer,
      lines.map((l) => diffLine(l, settings)),
      settings.cardVersion,
      newer.card.meta.version,
    );
    expect(diff.fromTotalCents).toBe(lines.reduce((sum, l) => sum + totalCents(l), 0));
  });
});

describe("the crew-line builder", () => {
  it("spells the role, account and department as the card does, and follows the settings by default", () => {
    const gaffer = engine.findRole("gaffer");
    const line = crewLineFor(engine, gaffer, { quantity: "shoot", unit: "week", person: "  " });
    expect(line).toMatchObject({
      role: gaffer.title,
      account: gaffer.account,
      department: engine.departmentOf(gaffer).name,
      description: `${gaffer.title}, shoot`,
    });
    expect(line.person).toBeUndefined();
    expect(line.region).toBeUndefined();
    const request = requestForLine(line, defaultSettings());
    expect(request.quantity).toBe(defaultSettings().shootWeeks);
    expect(request.region).toBe(defaultSettings().region);
  });
});
