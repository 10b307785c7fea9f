/**
 * Card 2026.7 (issue 13): the DGA's 7-day distant location workweek for the UPM and assistant
 * directors, as a second schedule a line names, and the 2023-24 rate card's printed day rates.
 * Workbooks pinned to 2026.6 keep every number: the fixture holds card 2026.6's totals, generated
 * once from the shipped card (git a1744b0).
 */
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import type { Unit } from "../../src/engine";
import { linesPricedOtherwise, quoteOrNull } from "./totalsFixture";
import shipped2026_6 from "./card-2026.6-totals.json";

const at2026_6 = engine.forVersion("2026.6");

describe("card 2026.7 against 2026.6", () => {
  it.each([
    ["pinned to 2026.6", at2026_6],
    ["at 2026.7", engine],
  ])(
    "prices every role, region, tier, level and named agreement of 2026.6 exactly as 2026.6 shipped, %s",
    (_, e) => {
      const { lines, wrong } = linesPricedOtherwise(e, shipped2026_6);
      expect(lines).toBeGreaterThan(60_000);
      expect(wrong).toEqual([]);
    },
  );

  it("has no distant location schedule in a workbook pinned to 2026.6", () => {
    const req = { role: "UPM", agreement: "DGA #upm distant location", unit: "week" } as const;
    expect(quoteOrNull(at2026_6, req)).toBeNull();
    expect(quoteOrNull(engine, req)).not.toBeNull();
  });
});

describe("the DGA's distant location workweek", () => {
  const price = (role: string, agreement: string | undefined, unit: Unit, date: string) =>
    engine.quoteFast({ role, agreement, unit, date, region: "Georgia" });
  const ROLE: Record<string, string> = {
    upm: "unit-production-manager",
    "first-ad": "first-assistant-director",
    "key-second-ad": "key-second-assistant-director",
    "second-second-ad": "second-second-assistant-director",
    "additional-second-ad": "additional-second-assistant-director",
  };

  it.each([
    // 2023-24 as printed on the DGA rate card p.11 (location columns), weekly and daily.
    ["upm", "2024-01-15", 913300, 228300, "published"],
    ["first-ad", "2024-01-15", 867500, 216900, "published"],
    ["key-second-ad", "2024-01-15", 580800, 145200, "published"],
    ["second-second-ad", "2024-01-15", 548600, 137200, "published"],
    // The rate card prints no location day for the Additional Second: a quarter of the week.
    ["additional-second-ad", "2024-01-15", 335000, 83750, "published"],
    // 2024-25: the 2023-24 figure × 1.04, to the dollar, labelled.
    ["upm", "2024-09-01", 949800, 237400, "estimate"],
    // 2025-26 as the Paymaster transcription prints it (weekly only: the day is a quarter).
    ["upm", "2025-09-01", 983000, 245750, "published"],
    ["first-ad", "2025-09-01", 933800, 233450, "published"],
    ["key-second-ad", "2025-09-01", 625100, 156275, "published"],
    ["second-second-ad", "2025-09-01", 590500, 147625, "published"],
    ["additional-second-ad", "2025-09-01", 360600, 90150, "published"],
  ])(
    "prices the %s distant week on %s at the card's figure, printed or labelled",
    (code, date, week, day, kind) => {
      const role = ROLE[code]!;
      const agreement = `DGA #${code} distant location`;
      const q = price(role, agreement, "week", date);
      expect(q.agreement.id).toBe("dga");
      expect(q.subtotalCents).toBe(week);
      expect(q.basis.kind).toBe(kind);
      expect(price(role, agreement, "day", date).subtotalCents).toBe(day);
      // About 40% above the 5-day studio week the line gets by default.
      expect(q.subtotalCents / price(role, undefined, "week", date).subtotalCents).toBeCloseTo(
        1.4,
        2,
      );
    },
  );

  it("carries 2025-26 forward into 2026-27 as a labelled estimate, with the DGA fringes", () => {
    const q = engine.quote({
      role: "unit-production-manager",
      agreement: "DGA #upm distant location",
      unit: "week",
      date: "2026-08-02",
    });
    expect(q.subtotalCents).toBe(983000);
    expect(q.basis.kind).toBe("estimate");
    expect(q.explanation).toContain("carried forward unchanged");
    expect(q.explanation).toContain(
      "The classification, Unit Production Manager (upm), schedule distant location, of the DGA Basic Agreement UPM and AD minimum salaries (studio and distant location), was chosen for this line ('DGA #upm distant location')",
    );
    expect(q.fringes.map((f) => f.id)).toEqual(
      expect.arrayContaining(["dga-pension", "dga-health", "dga-vacation"]),
    );
  });

  it("leaves a line without a named schedule on the studio week", () => {
    const q = price("unit-production-manager", undefined, "week", "2026-08-02");
    expect(q.subtotalCents).toBe(702100);
  });

  it("prices the 2023-24 studio day at the rate card's whole dollars, and a pinned workbook as before", () => {
    const day = (e: typeof engine) =>
      e.quoteFast({ role: "unit-production-manager", unit: "day", date: "2024-01-15" });
    expect(day(engine).subtotalCents).toBe(163100);
    expect(day(at2026_6).subtotalCents).toBe(163075);
  });

  it("lists the distant location week in the UPM's classification choices, with text that prices it", () => {
    const groups = engine.classificationsFor(engine.findRole("Unit Production Manager"), {
      date: "2025-09-01",
    });
    const texts = groups.flatMap((g) => g.choices).map((c) => c.text);
    expect(texts).toContain("DGA #upm distant location");
    const book = rateCard.scales.find((b) => b.id === "dga")!;
    expect(book.classifications.every((c) => c.schedules.length === 2)).toBe(true);
  });

  it("answers a schedule it does not print with the ones it does", () => {
    expect(() =>
      price("unit-production-manager", "DGA #upm distant", "week", "2025-09-01"),
    ).toThrow(/has no schedule 'distant'. Did you mean studio or distant location\?/);
  });
});
