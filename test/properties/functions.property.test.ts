/**
 * Property tests: every CREW function over 10,000 random argument lists (odd unicode, empty, huge,
 * numbers as text, negatives, NaN-like, dates out of range, ranges of mixed types). None may throw
 * or return NaN, Infinity or a negative cost, and every failure is one of the specified Excel
 * errors with a message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import type { CellArg, CellInput } from "../../src/functions/args";
import {
  createCrewFunctions,
  type CellOutput,
  type CellResult,
} from "../../src/functions/crewFunctions";
import { isCellFailure } from "../../src/functions/toExcelError";

const crew = createCrewFunctions(engine);
const RUNS = 10_000;

const someTitles = engine.roles.slice(0, 40).flatMap((r) => [r.title, ...r.aliases.slice(0, 1)]);

/** One cell as a spreadsheet could hand it over. */
const cell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(
    ...someTitles,
    "Gaffer",
    "post prod",
    "DP",
    "IATSE",
    "non-union",
    "DGA",
    "Teamsters",
    "week",
    "day",
    "hour",
    "flat",
    "LA",
    "Georgia",
    "Tier 2",
    "Studio",
    "2026-08-02",
    "1999-01-01",
    "2099-12-31",
    "title",
    "skills",
    "source",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "Infinity",
    "-1",
    "1e308",
    "10",
    "1,200.50",
    "$50",
    "\u0000",
    "😀",
    "İ",
    "ß",
    "٣",
  ),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(
    0,
    1,
    12,
    45_000,
    2_958_466,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

/** An argument: mostly single cells, sometimes small ranges of mixed types. */
const arg: fc.Arbitrary<CellArg> = fc.oneof(
  { weight: 6, arbitrary: cell },
  {
    weight: 1,
    arbitrary: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
  },
);

const args = (max: number) => fc.array(arg, { minLength: 0, maxLength: max });

const EXCEL_ERRORS = new Set(["#VALUE!", "#N/A", "#NUM!"]);

function checkCell(value: CellOutput, isMoney: boolean): void {
  if (isCellFailure(value)) {
    expect(EXCEL_ERRORS.has(value.error)).toBe(true);
    expect(value.message.length).toBeGreaterThan(5);
    expect(value.message).not.toMatch(/internal error/i);
    return;
  }
  if (typeof value === "number") {
    expect(Number.isFinite(value)).toBe(true);
    if (isMoney) expect(value).toBeGreaterThanOrEqual(0);
  } else {
    expect(typeof value).toBe("string");
  }
}

function checkResult(result: CellResult, isMoney: boolean): void {
  if (Array.isArray(result)) {
    for (const row of result) for (const v of row) checkCell(v, isMoney);
  } else checkCell(result, isMoney);
}

// Thousands of runs per property: generous time, so a busy machine slows them rather than fails them.
const PROPERTY_TIME = { timeout: 180_000 };

describe("CREW functions never throw and never return a bad number", PROPERTY_TIME, () => {
  const money: [string, (a: CellArg[]) => CellResult, number][] = [
    ["RATE", (a) => crew.rate(...a), 8],
    ["FRINGE", (a) => crew.fringe(...a), 9],
    ["TOTAL", (a) => crew.total(...a), 9],
    ["UNITRATE", (a) => crew.unitRate(...a), 7],
  ];
  it.each(money)("CREW.%s", (_, fn, max) => {
    fc.assert(
      fc.property(args(max), (a) => {
        checkResult(fn(a), true);
      }),
      { numRuns: RUNS },
    );
  });

  it("CREW.BASIS", () => {
    fc.assert(
      fc.property(args(7), (a) => {
        checkResult(crew.basis(...a), false);
      }),
      { numRuns: RUNS },
    );
  });
  it("CREW.TABLES (random rows: a summary cell, led by the line to fix if any)", () => {
    const rows = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 });
    fc.assert(
      fc.property(rows, rows, (overrides, roles) => {
        const result = crew.tables(overrides, roles);
        checkResult(result, false);
        // The tables text, led by the line to fix when one does not check out.
        if (typeof result === "string") {
          expect(result).toMatch(/^(Fix (this table line|\d+ table lines): .+ )?CrewRate tables: /);
        }
      }),
      // Each accepted pair of tables builds an engine (about 1 ms): fewer runs keep this suite quick.
      { numRuns: RUNS / 5 },
    );
  });
  it("CREW.INFO", () => {
    fc.assert(
      fc.property(args(2), (a) => {
        checkResult(crew.info(...a), false);
      }),
      { numRuns: RUNS },
    );
  });
  it("CREW.ROLES", () => {
    fc.assert(
      fc.property(cell, cell, (d, s) => {
        checkResult(crew.roles(d, s), false);
      }),
      { numRuns: RUNS },
    );
  });
  it("CREW.EXPLAIN", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 9 }), (a) => {
        checkResult(crew.explain(...a), false);
      }),
      { numRuns: RUNS },
    );
  });
  it("CREW.PAYHOURS", () => {
    fc.assert(
      fc.property(args(2), (a) => {
        checkResult(crew.payHours(...a), true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("engine invariants over random valid requests", PROPERTY_TIME, () => {
  const request = fc.record({
    role: fc.constantFrom(...engine.roles.map((r) => r.id)),
    quantity: fc.double({ min: 0, max: 500, noNaN: true }),
    unit: fc.constantFrom("hour", "day", "week", "flat"),
    agreement: fc.constantFrom(undefined, "non-union", "IATSE", "DGA", "Teamsters"),
    region: fc.constantFrom("Los Angeles", "New York", "Georgia", "New Mexico", "Other US"),
    tier: fc.constantFrom("Studio", "Tier 3", "Tier 2", "Tier 1B", "Tier 1A", "Ultra-low"),
    date: fc.constantFrom(
      "2024-08-01",
      "2024-12-31",
      "2025-03-01",
      "2025-08-03",
      "2026-01-15",
      "2026-08-02",
      "2027-07-31",
    ),
    hoursPerDay: fc.constantFrom(undefined, 8, 10, 12, 14),
    wagesToDate: fc.double({ min: 0, max: 400_000, noNaN: true }),
  });

  function tryQuote(r: Parameters<typeof engine.quoteFast>[0]) {
    try {
      return engine.quoteFast(r);
    } catch {
      return undefined;
    }
  }

  it("total = subtotal + fringes, every amount a non-negative whole number of cents", () => {
    fc.assert(
      fc.property(request, (r) => {
        const q = tryQuote(r);
        if (!q) return;
        expect(q.totalCents).toBe(q.subtotalCents + q.fringeCents);
        expect(q.fringeCents).toBe(q.fringes.reduce((n, f) => n + f.amountCents, 0));
        for (const v of [
          q.unitRateCents,
          q.subtotalCents,
          q.fringeCents,
          ...q.fringes.map((f) => f.amountCents),
        ]) {
          expect(Number.isInteger(v) && v >= 0).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("more quantity never costs less", () => {
    fc.assert(
      fc.property(request, fc.double({ min: 0, max: 100, noNaN: true }), (r, extra) => {
        const a = tryQuote(r);
        const b = tryQuote({ ...r, quantity: r.quantity + extra });
        if (!a || !b) return;
        expect(b.subtotalCents).toBeGreaterThanOrEqual(a.subtotalCents);
        expect(b.totalCents).toBeGreaterThanOrEqual(a.totalCents);
      }),
      { numRuns: RUNS },
    );
  });

  it("yearly caps never charge wages above the wage base", () => {
    fc.assert(
      fc.property(request, (r) => {
        const q = tryQuote(r);
        if (!q) return;
        for (const f of q.fringes) {
          if (f.capCents === undefined) continue;
          expect(f.appliedTo).toBeLessThanOrEqual(Math.max(0, f.capCents - q.wagesToDateCents));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
