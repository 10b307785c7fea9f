/**
 * The producer's MPI health contribution level on IATSE Basic Agreement lines (card 2026.4, issue
 * 13): an independent producer (the default) pays the Health Plan's premium rate and the Retired
 * Employees Fund add-on, a "$15 Million Contributor" the basic rate. Every expected figure below is
 * built from the printed ones: BA21 = Producer-IATSE Basic Agreement of 2021, MOA24 = the 2024
 * Memorandum of Agreement (doc 00317375).
 */
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import {
  DEFAULT_HEALTH_CONTRIBUTION,
  fringeLabel,
  HEALTH_CONTRIBUTIONS,
  RateEngine,
  RateError,
  type HealthContribution,
  type Quote,
  type QuoteRequest,
} from "../../src/engine";
import { fringesOnDate } from "../../src/engine/fringes";

/** Dollars per hour as printed, in the card's tenths of a cent. */
const cents = (...dollars: number[]) => Math.round(dollars.reduce((a, b) => a + b, 0) * 1000) / 10;

// BA21 Art. XII(b)(1)(iii) p.17 and (2)(iii) p.18, 7/30/2023-7/31/2024; Art. XIV(a) p.28.
const BASIC_2023 = 5.713;
const PREMIUM_2023 = 9.963;
const RETIREE = 0.3;
// MOA24 item 3(a): (i) every Active Employees Fund rate +$1.09 from 8/4/2024; (ii) the basic rate
// a further +$0.30, +$0.45 from 8/3/2025, +$0.45 from 8/2/2026; (iii) the Retired Employees Fund
// +$0.56 from 8/4/2024 and the premium rate +$0.86 from 8/3/2025 and again from 8/2/2026, for
// producers that are not $15M contributors.
const ALL = 1.09;
const BASIC_STEPS = [0.3, 0.45, 0.45];
const PREMIUM_STEPS = [0.86, 0.86];
const RETIREE_ADD_ON = 0.56;

/** Per-hour health and retiree rates by date, [independent, contributor], from the printed figures. */
const RATES: [date: string, health: [number, number], retiree: [number, number]][] = [
  ["2024-08-02", [cents(PREMIUM_2023), cents(BASIC_2023)], [cents(RETIREE), cents(RETIREE)]],
  [
    "2024-10-01",
    [cents(PREMIUM_2023, ALL), cents(BASIC_2023, ALL, BASIC_STEPS[0]!)],
    [cents(RETIREE, RETIREE_ADD_ON), cents(RETIREE)],
  ],
  [
    "2025-10-01",
    [
      cents(PREMIUM_2023, ALL, PREMIUM_STEPS[0]!),
      cents(BASIC_2023, ALL, BASIC_STEPS[0]!, BASIC_STEPS[1]!),
    ],
    [cents(RETIREE, RETIREE_ADD_ON), cents(RETIREE)],
  ],
  [
    "2026-10-01",
    [cents(PREMIUM_2023, ALL, ...PREMIUM_STEPS), cents(BASIC_2023, ALL, ...BASIC_STEPS)],
    [cents(RETIREE, RETIREE_ADD_ON), cents(RETIREE)],
  ],
];

const LEVELS = ["independent", "contributor"] as const satisfies readonly HealthContribution[];

function line(q: Quote, label: string) {
  const found = q.fringes.filter((f) => f.label === label);
  expect(found).toHaveLength(1);
  return found[0]!;
}
const health = (q: Quote) => line(q, "MPI Health Plan (IATSE)");
const retiree = (q: Quote) => line(q, "MPI Retired Employees Fund (IATSE)");

/** 100 hours of a daily-hire IATSE craft: 100 contribution hours, so a rate shows to the cent. */
const hours = (date: string, healthContribution?: string): QuoteRequest => ({
  role: "key-grip",
  unit: "hour",
  quantity: 100,
  agreement: "IATSE",
  date,
  healthContribution,
});

describe("the health contribution level", () => {
  it("has two levels, independent first and the default", () => {
    expect(HEALTH_CONTRIBUTIONS).toEqual(["independent", "contributor"]);
    expect(DEFAULT_HEALTH_CONTRIBUTION).toBe("independent");
  });

  it.each(RATES)(
    "charges each level its printed per-hour MPI health and retiree rates on %s",
    (date, [healthIndependent, healthContributor], [retireeIndependent, retireeContributor]) => {
      const expected: Record<HealthContribution, [number, number]> = {
        independent: [healthIndependent, retireeIndependent],
        contributor: [healthContributor, retireeContributor],
      };
      for (const level of LEVELS) {
        const q = engine.quoteFast(hours(date, level));
        expect(q.contributionHours).toBe(100);
        expect(q.healthContribution).toBe(level);
        const [h, r] = expected[level];
        expect([health(q).rate, retiree(q).rate]).toEqual([h, r]);
        // 100 hours: the per-hour figure × 100, in whole cents with nothing to round.
        expect([health(q).amountCents, retiree(q).amountCents]).toEqual([
          Math.round(h * 100),
          Math.round(r * 100),
        ]);
        expect(health(q).healthContributions).toEqual([level]);
      }
    },
  );

  it("gives the audit's figures on a 70-hour on-call week", () => {
    // The audit (rate-card-audit-2026-12 §4 #33): a Set Decorator week's health is $528.71 =
    // 70 × $7.553 for a $15M contributor; an independent producer pays $315.70 (2024-25) to
    // $373.10 (2026-27) a week more in health and retiree contributions.
    const week = (date: string, level: HealthContribution) =>
      engine.quoteFast({
        role: "set-decorator",
        unit: "week",
        agreement: "IATSE",
        date,
        healthContribution: level,
      });
    expect(week("2025-10-01", "contributor").contributionHours).toBe(70);
    expect(health(week("2025-10-01", "contributor")).amountCents).toBe(52871);
    const more = (date: string) => {
      const [i, c] = [week(date, "independent"), week(date, "contributor")];
      return (
        health(i).amountCents +
        retiree(i).amountCents -
        health(c).amountCents -
        retiree(c).amountCents
      );
    };
    expect(more("2024-10-01")).toBe(31570);
    expect(more("2026-10-01")).toBe(37310);
    // Nothing else on the line moves.
    const [i, c] = [week("2025-10-01", "independent"), week("2025-10-01", "contributor")];
    expect(i.subtotalCents).toBe(c.subtotalCents);
    expect(i.totalCents - c.totalCents).toBe(more("2025-10-01"));
  });

  it("labels the derived rates as estimates with their method, and the BA21 figure as published", () => {
    const ba21 = engine.quoteFast(hours("2024-08-02"));
    expect(health(ba21).kind).toBe("published");
    expect(health(ba21).source.section).toMatch(/^Art\. XII\(b\)\(2\)\(iii\), p\.18: \$9\.963/);
    const later = engine.quoteFast(hours("2025-10-01"));
    expect(health(later).kind).toBe("estimate");
    expect(health(later).method).toMatch(/^Derived: .*\$11\.913\/hr/);
    expect(retiree(later).method).toMatch(/^Derived: .*= 86 cents\/hr/);
    expect(retiree(later).source.section).toBe("Item 3(a)(iii), p.3");
  });

  it("prices a request that names no level as an independent producer", () => {
    for (const [date] of RATES) {
      expect(engine.quoteFast(hours(date)).totalCents).toBe(
        engine.quoteFast(hours(date, "independent")).totalCents,
      );
      expect(engine.quoteFast(hours(date)).healthContribution).toBe("independent");
    }
  });

  it.each([
    ["Independent", "independent"],
    ["premium rate", "independent"],
    ["not a $15M contributor", "independent"],
    ["Contributor", "contributor"],
    ["$15M Contributor", "contributor"],
    ["$15 Million Contributor", "contributor"],
    ["Basic Rate", "contributor"],
  ])("reads %j as %s", (typed, level) => {
    expect(engine.findHealthContribution(typed)).toBe(level);
    expect(engine.quoteFast(hours("2025-10-01", typed)).healthContribution).toBe(level);
  });

  it("refuses a level it does not know, naming both", () => {
    const attempt = () => engine.quoteFast(hours("2025-10-01", "studio"));
    expect(attempt).toThrow(RateError);
    expect(attempt).toThrow(
      "Unknown health contribution 'studio': use independent (a producer that is not a $15M contributor) or contributor (a $15M contributor).",
    );
    try {
      attempt();
    } catch (e) {
      expect((e as RateError).code).toBe("UNKNOWN_HEALTH_CONTRIBUTION");
      expect((e as RateError).details.suggestions).toEqual(["independent", "contributor"]);
    }
  });

  it("changes nothing on DGA and non-union lines", () => {
    const lines: QuoteRequest[] = [
      { role: "upm" }, // DGA
      { role: "key-grip", agreement: "Non-union" },
      { role: "key-grip", region: "Georgia", agreement: "Non-union" },
    ];
    for (const req of lines) {
      const [i, c] = LEVELS.map((level) => engine.quoteFast({ ...req, healthContribution: level }));
      expect(i!.totalCents).toBe(c!.totalCents);
      expect(i!.fringes.some((f) => f.healthContributions !== undefined)).toBe(false);
    }
  });

  it("keeps the plans of the two levels apart in the plan cache", () => {
    const fresh = new RateEngine(rateCard);
    const req = hours("2025-10-01");
    const first = fresh.quoteFast({ ...req, healthContribution: "independent" }).fringeCents;
    const size = fresh.cacheSizes().plans;
    const other = fresh.quoteFast({ ...req, healthContribution: "contributor" }).fringeCents;
    expect(fresh.cacheSizes().plans).toBe(size + 1);
    expect(other).toBeLessThan(first);
    // Asked again, each level gets its own answer back, not the other's.
    expect(fresh.quoteFast({ ...req, healthContribution: "independent" }).fringeCents).toBe(first);
    expect(fresh.quoteFast({ ...req, healthContribution: "contributor" }).fringeCents).toBe(other);
    expect(fresh.cacheSizes().plans).toBe(size + 1);
  });

  it("keeps workbooks pinned to 2026.3 and earlier at the numbers they had, at either level", () => {
    for (const version of ["2026.1", "2026.2", "2026.3"]) {
      const pinned = engine.forVersion(version);
      for (const [date, [, basic], [, base]] of RATES) {
        const [i, c] = LEVELS.map((level) => pinned.quoteFast(hours(date, level)));
        // Those cards charged every producer the $15M contributor's basic rate and 30 cents.
        expect([health(i!).rate, retiree(i!).rate]).toEqual([basic, base]);
        expect(i!.totalCents).toBe(c!.totalCents);
      }
    }
  });

  it("applies a fringe the card gives no level to at both levels, and a marked one at its own", () => {
    const at = (level: HealthContribution) =>
      fringesOnDate(rateCard.fringes, "iatse", "los-angeles", "2025-10-01", "studio", level)
        .inForce.map((f) => f.fringe.id)
        .filter((id) => id.startsWith("iatse-mpi"));
    expect(at("independent")).toEqual([
      "iatse-mpi-health-independent",
      "iatse-mpi-dental-vision",
      "iatse-mpi-pension",
      "iatse-mpi-retiree-health-independent",
    ]);
    expect(at("contributor")).toEqual([
      "iatse-mpi-health",
      "iatse-mpi-dental-vision",
      "iatse-mpi-pension",
      "iatse-mpi-retiree-health",
    ]);
  });
});

// Card 2026.5: the level reaches every line whose health is the MPI's. Dental/vision is BA21
// Art. XII(j)-(k) p.22, 18.7 + 5 cents.
const DENTAL_VISION = 0.237;

describe("MPI-based rates under other agreements (card 2026.5)", () => {
  // [date, independent health, independent retiree] from the printed figures, as above.
  const independent = RATES.map(([date, [h], [r]]) => [date, h, r] as const);
  const contributor = RATES.map(([date, [, h], [, r]]) => [date, h, r] as const);

  /** 100 hours (a day rate where the book prints only days: its rate per hour is what counts). */
  const MPI_LINES: [name: string, req: QuoteRequest, agreement: string, from: string][] = [
    [
      "Teamsters Local 399",
      { role: "transportation-coordinator", unit: "week" },
      "teamsters",
      "2024-08-04",
    ],
    [
      "Low Budget Theatrical, Los Angeles",
      { role: "key-grip", tier: "Tier 2" },
      "lbt",
      "2024-01-01",
    ],
  ];
  it.each(MPI_LINES)(
    "charges %s lines the Basic Agreement's MPI health and retiree rates at the producer's level",
    (_name, req, agreement, from) => {
      for (const [rates, level] of [
        [independent, "independent"],
        [contributor, "contributor"],
      ] as const) {
        for (const [date, h, r] of rates.filter(([d]) => d >= from)) {
          const q = engine.quoteFast({ ...req, date, healthContribution: level });
          expect(q.agreement.id).toBe(agreement);
          const healthLine = q.fringes.filter((f) =>
            / Health (Plan|\(LBT)|MPI Health/.test(f.label),
          );
          const retireeLine = q.fringes.filter((f) => /Retired Employees Fund/.test(f.label));
          expect([healthLine.length, retireeLine.length]).toEqual([1, 1]);
          expect(
            [healthLine[0]!.rate, retireeLine[0]!.rate],
            `${agreement} ${date} ${level}`,
          ).toEqual([h, r]);
          expect(healthLine[0]!.healthContributions).toEqual([level]);
        }
      }
    },
  );

  const ESTIMATES: [name: string, req: QuoteRequest, label: string][] = [
    [
      "Area Standards Agreement",
      { role: "key-grip", region: "Georgia", unit: "hour", quantity: 100 },
      "Health (ASA, estimate)",
    ],
    [
      "Local 52",
      { role: "key-grip", region: "New York", unit: "day" },
      "Welfare (Local 52, estimate)",
    ],
    [
      "Local 600 Amendment Agreement",
      { role: "camera-operator", region: "New York", unit: "day" },
      "Health (Local 600 Amendment, estimate)",
    ],
  ];
  it.each(ESTIMATES)(
    "builds the %s health estimate from the MPI health at the producer's level + dental/vision + retiree",
    (_name, req, label) => {
      for (const [rates, level] of [
        [independent, "independent"],
        [contributor, "contributor"],
      ] as const) {
        for (const [date, h, r] of rates) {
          const q = engine.quoteFast({ ...req, date, healthContribution: level });
          const line = q.fringes.filter((f) => f.label === label);
          expect(line).toHaveLength(1);
          expect(line[0]!.rate, `${label} ${date} ${level}`).toBeCloseTo(
            h + r + cents(DENTAL_VISION),
            6,
          );
          expect(line[0]!.kind).toBe("estimate");
          expect(line[0]!.method).toMatch(/^Estimate, not published: /);
        }
      }
    },
  );

  it("prints the independent estimate's sum in its method", () => {
    const q = engine.quoteFast({ ...ESTIMATES[0]![1], date: "2026-10-01" });
    const line = q.fringes.find((f) => f.label === "Health (ASA, estimate)")!;
    expect(line.method).toContain(
      'premium rate an independent producer (not a "$15 Million Contributor") pays',
    );
    expect(line.method).toContain("$12.7730 + $0.2370 + $0.8600 = $13.8700 an hour");
    expect(line.amountCents).toBe(138700);
  });

  it("keeps workbooks pinned to 2026.4 at the contributor's figures on those lines, at either level", () => {
    const pinned = engine.forVersion("2026.4");
    for (const [req, from] of [
      ...MPI_LINES.map((l) => [l[1], l[3]] as const),
      ...ESTIMATES.map((l) => [l[1], "2024-01-01"] as const),
    ]) {
      for (const [date] of RATES.filter(([d]) => d >= from)) {
        const [i, c] = LEVELS.map((level) =>
          pinned.quoteFast({ ...req, date, healthContribution: level }),
        );
        expect(i!.totalCents).toBe(c!.totalCents);
        expect(c!.totalCents).toBe(
          engine.quoteFast({ ...req, date, healthContribution: "contributor" }).totalCents,
        );
      }
    }
  });
});

describe("the explanation", () => {
  it("says which level the MPI rates are at, and what the other pays", () => {
    const independent = engine.quote(hours("2026-10-01"));
    expect(independent.explanation).toContain(
      "MPI Health Plan (IATSE) at the independent producer's rate $12.773/hr × 100 hours = $1,277.30 (estimate)",
    );
    expect(independent.explanation).toContain(
      "MPI Retired Employees Fund (IATSE) at the independent producer's rate $0.86/hr × 100 hours = $86.00",
    );
    expect(independent.explanation).toContain(
      'MPI health contributions are at the rates an independent producer (not a $15M contributor) pays (the default); a "$15 Million Contributor" pays less (health contribution "contributor").',
    );
    const contributor = engine.quote(hours("2026-10-01", "contributor"));
    expect(contributor.explanation).toContain(
      "MPI Health Plan (IATSE) at the $15M contributor's rate $8.003/hr × 100 hours = $800.30 (estimate)",
    );
    expect(contributor.explanation).toContain(
      'MPI health contributions are at the rates a "$15 Million Contributor" pays; an independent producer (not a $15M contributor) pays more (health contribution "independent").',
    );
    expect(fringeLabel(health(contributor))).toBe(
      "MPI Health Plan (IATSE) at the $15M contributor's rate",
    );
  });

  it("says nothing about it on a line whose fringes do not depend on it", () => {
    const q = engine.quote({ role: "upm" });
    expect(q.explanation).not.toMatch(/health contribution|contributor/i);
    expect(q.fringes.map(fringeLabel)).toEqual(q.fringes.map((f) => f.label));
  });
});
