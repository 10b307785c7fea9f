/**
 * Card 2026.3 (issue 13): published classes the card lacked, each quoted at its printed figure,
 * and workbooks pinned to 2026.2 keep the numbers they had.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import type { QuoteRequest } from "../../src/engine";

const at2026_2 = engine.forVersion("2026.2");
const rate = (req: QuoteRequest, e = engine) => e.quoteFast(req).unitRateCents;
const basisCode = (req: QuoteRequest) => {
  const q = engine.quoteFast(req);
  return q.basis.kind === "override" ? "" : `${q.basis.book.id} ${q.basis.classification.code}`;
};

describe("Local 728: the CLT's weekly guarantee", () => {
  it("prices a gaffer week at the printed 54-hour guarantee (L728 card p.1, 8/4/24-8/2/25)", () => {
    const q = engine.quoteFast({ role: "gaffer", unit: "week", date: "2024-10-01" });
    expect(q.unitRateCents).toBe(364780);
    expect(q.basis.kind).toBe("published");
    if (q.basis.kind === "override") return;
    expect([q.basis.schedule.label, q.basis.schedule.weeklyHours, q.basis.period.page]).toEqual([
      "B",
      54,
      1,
    ]);
    // Later periods: the 4% and 3.5% general wage increases on the printed hourly, × 61 pay hours.
    expect(rate({ role: "gaffer", unit: "week", date: "2025-10-01" })).toBe(6219 * 61);
    // The day stays the printed daily-hire rate.
    expect(rate({ role: "gaffer", unit: "hour", date: "2024-10-01" })).toBe(6059);
  });

  it("leaves workbooks pinned to 2026.2 at five 8-hour days", () => {
    expect(rate({ role: "gaffer", unit: "week", date: "2024-10-01" }, at2026_2)).toBe(6059 * 40);
  });
});

describe("Rigging Gaffer and Rigging Best Boy Electric", () => {
  it("are priced on 5421 Chief Rigging Tech and 5420 ACRT from 2026.3", () => {
    expect(basisCode({ role: "rigging-gaffer", date: "2024-10-01" })).toBe("iatse-728 5421");
    expect(rate({ role: "rigging-gaffer", date: "2024-10-01" })).toBe(364780);
    expect(basisCode({ role: "rigging-best-boy-electric", date: "2024-10-01" })).toBe(
      "iatse-728 5420",
    );
    expect(rate({ role: "rigging-best-boy-electric", date: "2024-10-01" })).toBe(329705);
    for (const role of ["rigging-gaffer", "rigging-best-boy-electric"]) {
      expect(engine.quoteFast({ role, date: "2024-10-01" }).agreement.id).toBe("iatse");
      expect(at2026_2.quoteFast({ role, date: "2024-10-01" }).agreement.id).toBe("non-union");
    }
  });
});

describe("footnote classes", () => {
  it.each([
    // Local 44 p.13 fn 13, Schedule A, 8/4/24, 8/3/25, 8/2/26.
    ["draper", "iatse-44 7326", [5380, 5595, 5791]],
    ["upholsterer", "iatse-44 7325", [5380, 5595, 5791]],
    ["floor-coverer", "iatse-44 7370", [5380, 5595, 5791]],
    ["property-sewing-person", "iatse-44 7329", [5380, 5595, 5791]],
    // Local 700 p.17 fn 10: Supervising Re-recording Mixer, Schedule A-4.
    ["supervising-re-recording-mixer", "iatse-700 4120-fn10", [11064, 11507, 11909]],
  ] as const)("quotes %s at its printed footnote rate (%s)", (role, code, cents) => {
    const dates = ["2024-10-01", "2025-10-01", "2026-10-01"];
    dates.forEach((date, i) => {
      expect(basisCode({ role, unit: "hour", date })).toBe(code);
      expect(rate({ role, unit: "hour", date })).toBe(cents[i]);
    });
  });

  it("prices the supervising mixer's week as the footnote prints it, not 1.15 × the week", () => {
    // L700 p.17 fn 10: B-3 $93.85 an hour, $4,561.11 a week (the card had $4,561.19).
    expect(rate({ role: "supervising-re-recording-mixer", unit: "week", date: "2024-10-01" })).toBe(
      456111,
    );
  });

  it("carries the combination welder and the E-2 on-call mixer week as printed", () => {
    expect(engine.scaleRate("iatse-44", "combination-welder", "A", "hour", "2025-08-03")).toBe(
      5819,
    );
    // L700 p.17 fn 11: Y-1 Mixer E-2 weekly "On Call", 8/3/25-8/1/26.
    expect(engine.scaleRate("iatse-700", "4100/4120", "E-2", "week", "2025-08-03")).toBe(374864);
  });
});

describe("Area Standards Agreement: Maryland and television", () => {
  it('prices the Maryland region under the "Maryland" theatrical set (Key [GRIPS], p.12)', () => {
    const q = engine.quoteFast({
      role: "key-grip",
      region: "MD",
      unit: "hour",
      date: "2025-10-01",
    });
    expect([q.agreement.id, q.unitRateCents]).toEqual(["asa", 5271]);
  });

  it("keeps the theatrical set as a line's default and prices a named TV category", () => {
    const ga = { role: "grip", region: "georgia", unit: "hour", date: "2025-10-01" };
    expect(engine.quoteFast(ga).agreement.id).toBe("asa");
    const tv = engine.quoteFast({ ...ga, agreement: "ASA TV" });
    expect(tv.agreement.id).toBe("asa-tv-other");
    expect(tv.basis.kind === "override" ? "" : tv.basis.book.id).toBe("iatse-asa-tv-other");
    // p.12, 8/3/25: Non-Maryland Grips, theatrical $39.28, All Other Television $38.30.
    expect([engine.quoteFast(ga).unitRateCents, tv.unitRateCents]).toEqual([3928, 3830]);
  });
});
