import { describe, expect, it } from "vitest";
import { RateEngine, type QuoteRequest } from "../../src/engine";
import { fixtureCard } from "../fixtures/card";
import { errorOf } from "../fixtures/errorOf";

const engine = new RateEngine(fixtureCard);
const at = "2025-01-15";

describe("findRole", () => {
  it.each([
    ["first-assistant-camera"],
    ["1st Assistant Camera"],
    ["first assistant camera"],
    ["1ST-AC"],
    ["1st a.c."],
    ["Focus Puller"],
    ["  focus   puller "],
    ["1st Asst Camera"],
  ])("finds %j by id, title or alias whatever the case, spacing and punctuation", (query) => {
    expect(engine.findRole(query).id).toBe("first-assistant-camera");
  });

  it("names the closest roles on a miss", () => {
    const e = errorOf(() => engine.findRole("Post Produce"));
    expect(e.code).toBe("UNKNOWN_ROLE");
    expect(e.details.suggestions?.[0]).toBe("Post Producer");
    expect(e.message).toBe("Unknown role 'Post Produce'. Did you mean Post Producer?");
  });
});

describe("quote: published scales and work rules", () => {
  const cases: [string, QuoteRequest, number][] = [
    [
      "a day at the minimum call is the printed daily figure",
      { role: "1st AC", unit: "day", date: at },
      40000,
    ],
    ["an hour is the daily-hire hourly rate", { role: "1st AC", unit: "hour", date: at }, 5000],
    [
      "a 12-hour day pays 14 straight-time hours",
      { role: "1st AC", unit: "day", hoursPerDay: 12, date: at },
      70000,
    ],
    [
      "a 14-hour day pays 8 + 4 x 1.5 + 2 x 2 = 18 hours",
      { role: "1st AC", unit: "day", hoursPerDay: 14, date: at },
      90000,
    ],
    [
      "a week is the weekly-hire figure, which covers its guarantee",
      { role: "1st AC", unit: "week", date: at },
      200000,
    ],
    [
      "a week of 9-hour days stays within the pay hours the weekly figure buys",
      { role: "1st AC", unit: "week", hoursPerDay: 9, date: at },
      200000,
    ],
    [
      "a week of 10-hour days adds the 5 pay hours beyond them",
      { role: "1st AC", unit: "week", hoursPerDay: 10, date: at },
      220000,
    ],
    [
      "a week of 12-hour days adds the pay hours beyond the guarantee",
      { role: "1st AC", unit: "week", hoursPerDay: 12, date: at },
      280000,
    ],
    [
      "a 6th day is paid at 1.5x a day",
      { role: "1st AC", unit: "week", daysPerWeek: 6, date: at },
      260000,
    ],
    [
      "a 7th day is paid at 2x a day",
      { role: "1st AC", unit: "week", daysPerWeek: 7, date: at },
      340000,
    ],
    [
      "the date picks the period in force",
      { role: "1st AC", unit: "day", date: "2025-08-03" },
      41600,
    ],
  ];
  it.each(cases)("%s", (_, request, unitRateCents) => {
    expect(engine.quote({ agreement: "IATSE", ...request }).unitRateCents).toBe(unitRateCents);
  });

  it("multiplies by quantity and rounds once, to the cent", () => {
    const q = engine.quote({
      role: "1st AC",
      unit: "hour",
      quantity: 2.333,
      date: at,
      agreement: "iatse",
    });
    expect(q.subtotalCents).toBe(11665);
  });

  it("defaults to one week under the role's union agreement on the card's own date", () => {
    const q = engine.quote({ role: "1st AC" });
    expect([q.quantity, q.unit, q.agreement.id, q.region.id, q.tier.id, q.date]).toEqual([
      1,
      "week",
      "iatse",
      "los-angeles",
      "studio",
      "2025-01-01",
    ]);
  });
});

describe("quote: fringes", () => {
  it("adds payroll taxes and per-hour union plans, and total = subtotal + fringes", () => {
    const q = engine.quote({ role: "1st AC", quantity: 2, date: at });
    expect(q.subtotalCents).toBe(400000);
    const amounts = Object.fromEntries(q.fringes.map((f) => [f.id, f.amountCents]));
    expect(amounts).toEqual({ "social-security": 24800, medicare: 5800, health: 70000 });
    expect(q.fringeCents).toBe(100600);
    expect(q.totalCents).toBe(q.subtotalCents + q.fringeCents);
  });

  it("caps Social Security at the yearly wage base across a person's lines", () => {
    const q = engine.quote({ role: "1st AC", quantity: 2, date: at, wagesToDate: 174_100 });
    const ss = q.fringes.find((f) => f.id === "social-security")!;
    expect(ss.appliedTo).toBe(200000);
    expect(ss.amountCents).toBe(12400);
    const over = engine.quote({ role: "1st AC", quantity: 2, date: at, wagesToDate: 200_000 });
    expect(over.fringes.find((f) => f.id === "social-security")!.amountCents).toBe(0);
  });

  it("applies regional taxes only in their region", () => {
    const ny = engine.quote({ role: "Post Producer", region: "NYC", date: at });
    expect(ny.fringes.map((f) => f.id)).toContain("ny-only");
    const la = engine.quote({ role: "Post Producer", date: at });
    expect(la.fringes.map((f) => f.id)).not.toContain("ny-only");
  });

  it("does not charge union plans on non-union wages", () => {
    const q = engine.quote({ role: "1st AC", agreement: "non-union", date: at });
    expect(q.fringes.map((f) => f.id)).toEqual(["social-security", "medicare"]);
  });
});

describe("quote: non-union estimates", () => {
  it("prices from the basis classification times the role's factor, labelled an estimate", () => {
    const q = engine.quote({ role: "Post Producer", date: at });
    expect(q.agreement.id).toBe("non-union");
    expect(q.unitRateCents).toBe(600000);
    expect(q.basis.kind).toBe("estimate");
    expect(q.basis.method).toContain("Estimate");
  });

  it("scales by the budget tier's factor", () => {
    expect(engine.quote({ role: "Post Producer", tier: "Tier 2", date: at }).unitRateCents).toBe(
      438000,
    );
  });

  it("takes a day of an on-call weekly rate as 1/5 of it", () => {
    expect(engine.quote({ role: "Post Producer", unit: "day", date: at }).unitRateCents).toBe(
      120000,
    );
  });
});

describe("defaultAgreement", () => {
  it("names the agreement a quote uses when the request names none, without pricing", () => {
    const requests: QuoteRequest[] = [
      { role: "1st Assistant Camera", date: at },
      { role: "1st Assistant Camera", region: "New York", date: at },
      { role: "1st Assistant Camera", tier: "Tier 2", date: at },
      { role: "Post Producer", date: at },
    ];
    for (const request of requests) {
      expect(engine.defaultAgreement(request).id).toBe(engine.quote(request).agreement.id);
    }
    // No rate is looked up: a date outside every period still names the agreement.
    expect(engine.defaultAgreement({ role: "1st Assistant Camera" }).id).toBe(
      engine.quote({ role: "1st Assistant Camera", date: at }).agreement.id,
    );
  });
});

describe("quote: what it refuses, and how", () => {
  const cases: [string, QuoteRequest, string, RegExp][] = [
    ["an unknown role", { role: "Gafer" }, "UNKNOWN_ROLE", /Unknown role 'Gafer'/],
    [
      "an unknown agreement",
      { role: "1st AC", agreement: "IATSEE" },
      "UNKNOWN_AGREEMENT",
      /Did you mean IATSE/,
    ],
    [
      "an unknown unit",
      { role: "1st AC", unit: "fortnight" },
      "UNKNOWN_UNIT",
      /hour, day, week, month, episode or flat/,
    ],
    ["a negative quantity", { role: "1st AC", quantity: -1 }, "BAD_QUANTITY", /from 0 to 10,000/],
    ["an absurd quantity", { role: "1st AC", quantity: 1e7 }, "BAD_QUANTITY", /Quantity/],
    ["NaN", { role: "1st AC", quantity: Number.NaN }, "BAD_QUANTITY", /Quantity/],
    ["a date that is not a date", { role: "1st AC", date: "2025-02-30" }, "BAD_DATE", /YYYY-MM-DD/],
    [
      "a union rate for a role with no scale",
      { role: "Post Producer", agreement: "IATSE" },
      "NO_RATE",
      /no IATSE Basic Agreement scale/,
    ],
    [
      "a union rate outside the scale's region",
      { role: "1st AC", agreement: "IATSE", region: "Georgia" },
      "NO_RATE",
      /applies in Los Angeles/,
    ],
    [
      "a union rate at a tier the card has no scale for",
      { role: "1st AC", agreement: "IATSE", tier: "Tier 2" },
      "NO_RATE",
      /scales for this role apply at Studio, not at Tier 2/,
    ],
    [
      "a date outside every period",
      { role: "1st AC", date: "2030-01-01" },
      "NO_RATE",
      /covers 2024-08-04 to 2026-08-01/,
    ],
    [
      "an hourly rate for an on-call job",
      { role: "Post Producer", unit: "hour", date: at },
      "NO_RATE",
      /by the week/,
    ],
    ["hours per day over 24", { role: "1st AC", hoursPerDay: 25 }, "BAD_HOURS", /between 1 and 24/],
    ["negative wages to date", { role: "1st AC", wagesToDate: -5 }, "BAD_WAGES", /Wages to date/],
  ];
  it.each(cases)("refuses %s", (_, request, code, message) => {
    const e = errorOf(() => engine.quote(request));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("explanation", () => {
  it("says in words what the figure rests on", () => {
    const q = engine.quote({ role: "1st AC", unit: "day", hoursPerDay: 12, date: at });
    expect(q.explanation).toContain("1 day of 1st Assistant Camera (Camera, account 3303)");
    expect(q.explanation).toContain("A 12-hour day pays 14 straight-time hours.");
    expect(q.explanation).toContain("Fixture book");
    expect(q.explanation).toContain("Total $");
    expect(q.sources.length).toBeGreaterThan(0);
  });
});

describe("payHours", () => {
  it.each([
    [8, 8],
    [10, 11],
    [12, 14],
    [13, 16],
    [0, 0],
  ])("%i hours worked pay %i straight-time hours", (worked, paid) => {
    expect(engine.payHours(worked)).toBe(paid);
  });
});
