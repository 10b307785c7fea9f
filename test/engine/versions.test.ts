/**
 * Pinned rate cards: a workbook records the card version it was built with, and a collaborator
 * whose add-in ships a newer card still computes the old numbers until someone updates.
 */
import { describe, expect, it } from "vitest";
import { rateCard } from "../../src/data";
import { diffCardVersions } from "../../src/budget";
import { DEFAULT_HOURS_PER_DAY, RateEngine, RateError, type QuoteRequest } from "../../src/engine";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { newerCard } from "../fixtures/newerCard";
import shipped2026_1 from "../fixtures/card-2026.1-totals.json";

const shipped = new RateEngine(rateCard);
// `newer` is the shipped card taken back to 2026.2 plus a made-up DP correction there; 2026.2 left
// Los Angeles studio figures as 2026.1 had them (2026.3 changed the gaffer's week), so these
// lines are compared with the shipped card at 2026.2.
const shipped2026_2 = shipped.forVersion("2026.2");
const newer = new RateEngine(newerCard());

const LINES: QuoteRequest[] = [
  { role: "DP", quantity: 8 },
  { role: "DP", quantity: 3, unit: "day", hoursPerDay: 12 },
  { role: "Gaffer", quantity: 8 },
  { role: "Post Producer", quantity: 20 },
  { role: "1st AC", quantity: 8, wagesToDate: 20_000 },
];

describe("card versions", () => {
  it("gives a workbook pinned to 2026.1 exactly the shipped numbers after 2026.2 is added", () => {
    for (const line of LINES) {
      expect(newer.forVersion("2026.1").quoteFast(line).totalCents).toBe(
        shipped2026_2.quoteFast(line).totalCents,
      );
    }
  });

  it("uses the newest card when no version is given", () => {
    expect(newer.quoteFast(LINES[0]!).totalCents).toBeGreaterThan(
      shipped2026_2.quoteFast(LINES[0]!).totalCents,
    );
  });

  it("pins CREW formulas through their card version argument", () => {
    const hf = buildCrewWorkbook(newer, {
      S: [
        [
          '=CREW.TOTAL("DP", 8, "week", , , , , 0, , "2026.1")',
          '=CREW.TOTAL("DP", 8)',
          "'2026.1",
          '=CREW.RATE("DP", 8, , , , , , , C1)',
        ],
      ],
    });
    const [pinned, latest, , viaCell] = hf.getSheetValues(0)[0]!;
    hf.destroy();
    // A formula without hours prices the Settings sheet's default day.
    const line = { ...LINES[0]!, hoursPerDay: DEFAULT_HOURS_PER_DAY };
    expect(Math.round((pinned as number) * 100)).toBe(shipped2026_2.quoteFast(line).totalCents);
    expect(Math.round((latest as number) * 100)).toBe(newer.quoteFast(line).totalCents);
    expect(Math.round((viaCell as number) * 100)).toBe(shipped2026_2.quoteFast(line).subtotalCents);
  });

  it("lists exactly the lines an update would change, with old and new totals", () => {
    const diff = diffCardVersions(newer, LINES, "2026.1", "2026.2");
    expect(diff.changes.map((c) => c.index)).toEqual([0, 1]);
    for (const c of diff.changes) {
      expect(c.fromCents).toBe(shipped2026_2.quoteFast(c.request).totalCents);
      expect(c.toCents).toBe(newer.quoteFast(c.request).totalCents);
    }
    const sum = (e: RateEngine) => LINES.reduce((n, l) => n + e.quoteFast(l).totalCents, 0);
    expect(diff.fromTotalCents).toBe(sum(shipped2026_2));
    expect(diff.toTotalCents).toBe(sum(newer));
  });

  it("names the versions it knows when a workbook asks for one it does not", () => {
    expect(() => newer.forVersion("2025.9")).toThrow(RateError);
    expect(() => shipped.forVersion("2026.9")).toThrow(
      /newer than this add-in's card \(2026\.7\): update the add-in/,
    );
  });
});

describe("the shipped card pinned to 2026.1", () => {
  it("prices every 2026.1 role, region and tier exactly as card 2026.1 shipped", () => {
    const pinned = shipped.forVersion("2026.1");
    const { regions, tiers, cases, totals } = shipped2026_1;
    const wrong: string[] = [];
    for (const [role, expected] of Object.entries(totals)) {
      let i = 0;
      for (const region of regions)
        for (const tier of tiers)
          for (const c of cases) {
            const total = pinned.quoteFast({ role, region, tier, quantity: 2, ...c }).totalCents;
            if (total !== expected[i]) wrong.push(`${role} ${region} ${tier} ${c.date} ${c.unit}`);
            i++;
          }
    }
    expect(Object.keys(totals).length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
  });
});
