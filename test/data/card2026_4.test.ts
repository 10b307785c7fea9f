/**
 * Card 2026.4 (issue 13): the Local 52 television schedules, Combination Welder as a role of its
 * own, the Area Standards Agreement's APOC/ADC, Washington, D.C. and New England tables; and
 * workbooks pinned to 2026.3 keep every number they had.
 */
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import { isRateError, type QuoteRequest } from "../../src/engine";
import { LOCAL_52_TV } from "../../scripts/scaleBooks";
import shipped2026_3 from "./card-2026.3-totals.json";

const at2026_3 = engine.forVersion("2026.3");

function totalOrNull(e: typeof engine, req: QuoteRequest): number | null {
  try {
    return e.quoteFast(req).totalCents;
  } catch (err) {
    if (isRateError(err)) return null;
    throw err;
  }
}

function basisOf(e: typeof engine, req: QuoteRequest): string {
  const q = e.quoteFast(req);
  return q.basis.kind === "override" ? "" : `${q.basis.book.id} ${q.basis.classification.code}`;
}

describe("Local 52 television schedules (Part A, pp.2-9)", () => {
  // Boom Operator, 9/28/2025-10/3/2026, as printed on each page.
  const boom2025: Record<string, [string, number]> = {
    tv: ["Local 52 TV", 54196],
    "tv-half-hour": ["Local 52 Half-Hour", 52570],
    "tv-half-hour-before-oct-2024": ["Local 52 Half-Hour Before Oct 2024", 52112],
    "tv-long-form": ["Local 52 Long-Form", 49451],
    "tv-one-hour-before-2006": ["Local 52 One-Hour Before 2006", 52664],
    "tv-one-hour-new": ["Local 52 New One-Hour", 52796],
    "tv-one-hour-new-before-oct-2024": ["Local 52 New One-Hour Before Oct 2024", 52333],
    "tv-one-hour-season-3": ["Local 52 One-Hour Season 3", 54438],
  };

  it("puts each of the eight categories on the card as a book and an agreement of its own", () => {
    expect(LOCAL_52_TV.map((t) => t.page)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of LOCAL_52_TV) {
      const book = rateCard.scales.find((b) => b.id === `iatse-52-${t.short}`)!;
      expect([book.agreement, book.regions, book.classifications.length]).toEqual([
        `local-52-${t.short}`,
        ["new-york"],
        17,
      ]);
      expect(book.source.title).toContain(`p.${t.page};`);
      const agreement = rateCard.meta.agreements.find((a) => a.id === book.agreement)!;
      expect(agreement.chosenOnly).toBe(true);
      expect(Object.keys(boom2025)).toContain(t.short);
    }
  });

  it.each(Object.entries(boom2025))(
    "prices a New York boom operator under %s at that page's printed day rate",
    (short, [alias, cents]) => {
      const req = {
        role: "boom-operator",
        region: "NY",
        agreement: alias,
        unit: "day",
        date: "2025-10-01",
      } as const;
      const q = engine.quoteFast(req);
      expect([q.agreement.id, q.unitRateCents, q.basis.kind]).toEqual([
        `local-52-${short}`,
        cents,
        "published",
      ]);
      expect(basisOf(engine, req)).toBe(`iatse-52-${short} sound-boom-operator`);
    },
  );

  it("keeps the theatrical schedule as a New York line's default", () => {
    const q = engine.quoteFast({
      role: "boom-operator",
      region: "NY",
      unit: "day",
      date: "2025-10-01",
    });
    // p.1: Boom Operator 9/28/2025-10/3/2026, theatrical.
    expect([q.agreement.id, q.unitRateCents]).toEqual(["local-52", 54738]);
  });

  it("links every role on the theatrical schedule to the same classification in each category", () => {
    let links = 0;
    for (const role of rateCard.roles) {
      const theatrical = role.scales.filter((r) => r.agreement === "iatse-52").map((r) => r.code);
      for (const t of LOCAL_52_TV) {
        const tv = role.scales.filter((r) => r.agreement === `iatse-52-${t.short}`);
        expect(
          tv.map((r) => r.code),
          `${role.id} ${t.short}`,
        ).toEqual(theatrical);
        expect(tv.every((r) => r.since === "2026.4")).toBe(true);
        links += tv.length;
      }
    }
    expect(links).toBe(24 * 8);
  });

  it("prints the before-10/1/2024 pages a step behind, and the card carries them so", () => {
    // p.4's 9/29/2024 column is p.2's 5/14/2023 column; p.8's is p.9's (Grip department head).
    const day = (book: string, from: string) =>
      engine.scaleRate(book, "grip-department-heads", "Part A daily", "day", from);
    expect(day("iatse-52-tv-half-hour-before-oct-2024", "2025-09-28")).toBe(
      day("iatse-52-tv", "2024-09-29"),
    );
    expect(day("iatse-52-tv-one-hour-new-before-oct-2024", "2026-10-04")).toBe(
      day("iatse-52-tv-one-hour-season-3", "2025-09-28"),
    );
    expect(day("iatse-52-tv-one-hour-new-before-oct-2024", "2026-10-04")).toBe(53655);
  });

  it("is not in a workbook pinned to 2026.3", () => {
    const req = { role: "key-grip", region: "NY", agreement: "Local 52 TV", unit: "day" } as const;
    expect(engine.quoteFast(req).agreement.id).toBe("local-52-tv");
    expect(() => at2026_3.quoteFast(req)).toThrow(/no IATSE Local 52, Television .* scale/);
  });
});

describe("Combination Welder", () => {
  it("is a role of its own at the Local 44 footnote 2 rate (pp.9, 13)", () => {
    expect(engine.findRole("Combination Welder").id).toBe("combination-welder");
    const dates = ["2024-10-01", "2025-10-01", "2026-10-01"];
    const cents = [5595, 5819, 6023];
    dates.forEach((date, i) => {
      const req = { role: "Combination Welder", unit: "hour", date } as const;
      expect(basisOf(engine, req)).toBe("iatse-44 combination-welder");
      expect(engine.quoteFast(req).unitRateCents).toBe(cents[i]);
    });
  });

  it("leaves Welder (blacksmith welders) on the prop maker rate, without the alias", () => {
    const welder = rateCard.roles.find((r) => r.id === "welder")!;
    expect(welder.aliases).not.toContain("Combination Welder");
    expect(basisOf(engine, { role: "Welder", unit: "hour", date: "2025-10-01" })).toBe(
      "iatse-44 7303",
    );
    // Schedule #1, then Schedule #2 under the two new-series agreements (card 2026.6).
    expect(
      engine.roles.find((r) => r.id === "welder")!.scales.map((s) => `${s.agreement} ${s.code}`),
    ).toEqual(["iatse-44 7303", "iatse-44-one-hour 7303", "iatse-44-one-hour-s2 7303"]);
  });

  it("stays a Welder line in a workbook pinned to 2026.3", () => {
    expect(at2026_3.findRole("Combination Welder").id).toBe("welder");
    expect(at2026_3.roles.some((r) => r.id === "combination-welder")).toBe(false);
    const req = { role: "Combination Welder", unit: "week", date: "2026-08-02", quantity: 2 };
    const shipped = shipped2026_3.titles.find((t) => t.role === "Combination Welder")!;
    expect(totalOrNull(at2026_3, req)).toBe(shipped.total);
  });
});

describe("Area Standards Agreement tables", () => {
  const tvBooks = [
    "iatse-asa-tv-long-form",
    "iatse-asa-tv-other",
    "iatse-asa-md-tv-long-form",
    "iatse-asa-md-tv-other",
  ];
  const periods = ["2024-08-04", "2025-08-03", "2026-08-02"];

  it("carries the p.2 APOCs and ADCs table in every television book, equal to Appendix A", () => {
    for (const book of tvBooks) {
      for (const from of periods) {
        const table = engine.scaleRate(book, "apocs-and-adcs", "Summary table", "hour", from);
        for (const code of [
          "assistant-production-office-coordinator-if-hired-locally",
          "art-dept-coordinator-if-hired-locally",
        ]) {
          expect(engine.scaleRate(book, code, "Appendix A", "hour", from), `${book} ${from}`).toBe(
            table,
          );
        }
      }
      // p.2: $28.50, $30.00, $31.05.
      expect(
        periods.map((f) => engine.scaleRate(book, "apocs-and-adcs", "Summary table", "hour", f)),
      ).toEqual([2850, 3000, 3105]);
    }
  });

  it("prices an APOC or art department coordinator on a named ASA television agreement", () => {
    for (const [role, code] of [
      ["APOC", "assistant-production-office-coordinator-if-hired-locally"],
      ["Art Department Coordinator", "art-dept-coordinator-if-hired-locally"],
    ] as const) {
      for (const [region, agreement, book] of [
        ["GA", "ASA TV", "iatse-asa-tv-other"],
        ["GA", "ASA TV Long-Form", "iatse-asa-tv-long-form"],
        ["MD", "ASA TV", "iatse-asa-md-tv-other"],
        ["MD", "ASA TV Long-Form", "iatse-asa-md-tv-long-form"],
      ] as const) {
        const req = { role, region, agreement, unit: "hour", date: "2025-10-01" } as const;
        expect(basisOf(engine, req)).toBe(`${book} ${code}`);
        expect(engine.quoteFast(req).unitRateCents).toBe(3000);
        expect(() => at2026_3.quoteFast(req)).toThrow();
      }
      // Left to its default, a Georgia line stays where it was (the TV categories are chosen).
      const line = { role, region: "GA", unit: "week", date: "2025-10-01" } as const;
      expect(engine.quoteFast(line).agreement.id).toBe(at2026_3.quoteFast(line).agreement.id);
    }
  });

  it("carries the Washington, D.C. and New England grade tables as printed (pp.1-2)", () => {
    const hour = (book: string, grade: string, from: string) =>
      engine.scaleRate(book, `grade-${grade}`, "Grade table", "hour", from);
    expect(hour("iatse-asa-dc", "key", "2025-08-03")).toBe(6021);
    expect(hour("iatse-asa-dc", "utility", "2026-08-02")).toBe(4491);
    for (const book of ["iatse-asa-dc-tv-long-form", "iatse-asa-dc-tv-other"]) {
      expect(hour(book, "key", "2025-08-03")).toBe(5873);
      expect(hour(book, "third", "2024-08-04")).toBe(4689);
    }
    expect(hour("iatse-asa-new-england", "second", "2025-08-03")).toBe(5173);
    // Key is printed "per individual negotiation": no figure.
    const ne = rateCard.scales.find((b) => b.id === "iatse-asa-new-england")!;
    expect(ne.classifications.map((c) => c.code)).toEqual([
      "grade-second",
      "grade-third",
      "grade-utility",
    ]);
  });

  it("prices no role on the D.C. or New England tables: the book assigns no craft to a grade", () => {
    const reference = [
      "iatse-asa-dc",
      "iatse-asa-dc-tv-long-form",
      "iatse-asa-dc-tv-other",
      "iatse-asa-new-england",
    ];
    for (const role of rateCard.roles) {
      for (const ref of [...role.scales, role.estimate.basis]) {
        expect(reference, role.id).not.toContain(ref.agreement);
      }
    }
  });
});

describe("the shipped card pinned to 2026.3", () => {
  const { regions, tiers, cases, totals, chosen, titles } = shipped2026_3;

  it("prices every 2026.3 role, region and tier exactly as card 2026.3 shipped", () => {
    const wrong: string[] = [];
    for (const [role, expected] of Object.entries(totals)) {
      let i = 0;
      for (const region of regions)
        for (const tier of tiers)
          for (const c of cases) {
            const req = { role, region, tier, quantity: 2, ...c } as QuoteRequest;
            if (totalOrNull(at2026_3, req) !== expected[i])
              wrong.push(`${role} ${region} ${tier} ${c.date} ${c.unit}`);
            i++;
          }
    }
    expect(Object.keys(totals).length).toBeGreaterThan(250);
    expect(wrong).toEqual([]);
  });

  it("prices every line that named an agreement, and every title, as 2026.3 shipped", () => {
    const wrong: string[] = [];
    for (const [role, agreement, region, caseIndex, total] of chosen as [
      string,
      string,
      string,
      number,
      number,
    ][]) {
      const req = { role, agreement, region, quantity: 2, ...cases[caseIndex]! } as QuoteRequest;
      if (totalOrNull(at2026_3, req) !== total) wrong.push(`${role} ${agreement} ${region}`);
    }
    for (const t of titles) {
      const req = { role: t.role, quantity: 2, unit: "week", date: "2026-08-02" } as const;
      if (at2026_3.findRole(t.role).id !== t.id || totalOrNull(at2026_3, req) !== t.total)
        wrong.push(t.role);
    }
    expect(chosen.length).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
