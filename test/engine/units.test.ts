import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { roundCents, WEEKS_PER_EPISODE } from "../../src/engine";
import { formatRate } from "../../src/engine/explain";
import { errorOf } from "../fixtures/errorOf";

describe("units as budgets write them", () => {
  it.each(["allow", "Allow", "allowance", "Allowances", "flats", "fees"])(
    "reads %j as a flat amount",
    (unit) => {
      const q = engine.quote({ role: "Composer", unit, quantity: 2 });
      expect(q.unit).toBe("flat");
      expect(q.totalCents).toBe(
        engine.quote({ role: "Composer", unit: "flat", quantity: 2 }).totalCents,
      );
    },
  );

  it("prices an allowance from a Rate Overrides amount: quantity × amount, the agreement's fringes", () => {
    const prod = engine.withProduction({
      overrides: [["Key Grip", "", "flat", 500, "Box rental allowance"]],
      roles: [],
    });
    const q = prod.quote({ role: "Key Grip", unit: "allow", quantity: 3 });
    expect(q.subtotalCents).toBe(150_000);
    expect(q.fringes.length).toBeGreaterThan(0);
    expect(q.totalCents).toBe(q.subtotalCents + q.fringeCents);
  });

  it("refuses units it does not know, listing the ones it does", () => {
    const e = errorOf(() => engine.quote({ role: "Key Grip", unit: "fortnight" }));
    expect(e.code).toBe("UNKNOWN_UNIT");
    expect(e.details.suggestions).toEqual(
      expect.arrayContaining(["hour", "day", "week", "month", "episode", "flat"]),
    );
  });
});

describe("months and episodes: derived from the week, and labelled so", () => {
  const week = engine.quote({ role: "Key Grip", unit: "week" });

  it.each([
    ["month", "month"],
    ["Months", "month"],
    ["mo", "month"],
    ["monthly", "month"],
    ["per month", "month"],
    ["episode", "episode"],
    ["Episodes", "episode"],
    ["eps", "episode"],
    ["per ep", "episode"],
    ["episodic", "episode"],
  ])("reads %j as a %s", (unit, expected) => {
    expect(engine.quote({ role: "Key Grip", unit }).unit).toBe(expected);
  });

  it("prices a month at 52/12 weeks of the weekly rate, and never calls it published", () => {
    const q = engine.quote({ role: "Key Grip", unit: "month" });
    expect(week.basis.kind).toBe("published");
    expect(q.unitRateCents).toBe(roundCents((week.unitRateCents * 52) / 12));
    expect(q.basis.kind).toBe("estimate");
    expect(q.basis.kind !== "override" && q.basis.derivedFrom).toMatchObject({
      unit: "month",
      weekCents: week.unitRateCents,
      weekKind: "published",
      factor: "52/12 weeks",
      isAssumption: false,
    });
    // The explanation multiplies out: the week, the factor, the month.
    expect(q.explanation).toContain(
      `${formatRate(week.unitRateCents)} a week × 52/12 weeks = ${formatRate(q.unitRateCents)}`,
    );
    expect(q.explanation).toMatch(/derived from the published weekly figure .* not published/);
  });

  it("prices an episode at the documented weeks-per-episode and labels it an assumption", () => {
    const q = engine.quote({ role: "Key Grip", unit: "episode", quantity: 10 });
    expect(WEEKS_PER_EPISODE).toBe(1.6);
    expect(q.unitRateCents).toBe(roundCents(week.unitRateCents * WEEKS_PER_EPISODE));
    expect(q.subtotalCents).toBe(q.unitRateCents * 10);
    expect(q.basis.kind).toBe("estimate");
    expect(q.notes.join(" ")).toMatch(/^Assumption: an episode is taken as 1\.6 weeks/);
  });

  it("counts a month's and an episode's hours for per-hour plans as weeks of the weekly hours", () => {
    const month = engine.quote({ role: "Key Grip", unit: "month" });
    const episode = engine.quote({ role: "Key Grip", unit: "episode" });
    expect(month.contributionHours).toBeCloseTo((week.contributionHours * 52) / 12, 9);
    expect(episode.contributionHours).toBeCloseTo(week.contributionHours * 1.6, 9);
    const mpi = (q: typeof week) => q.fringes.find((f) => f.basis === "perHour")!;
    expect(mpi(month).amountCents).toBe(roundCents(mpi(month).rate * month.contributionHours));
  });

  it("keeps yearly wage caps across monthly and per-episode lines (wages to date)", () => {
    const ss = (unit: string, quantity: number, wagesToDate: number) =>
      engine
        .quote({ role: "Key Grip", unit, quantity, wagesToDate })
        .fringes.find((f) => f.id === "social-security")!;
    const cap = ss("month", 1, 0).capCents!;
    // $180,000 already paid this year: only the rest of the wage base is taxed.
    expect(ss("month", 1, 180_000).appliedTo).toBe(cap - 18_000_000);
    // Thirty episodes pass the wage base on their own.
    expect(ss("episode", 30, 0).appliedTo).toBe(cap);
    expect(ss("episode", 30, cap / 100).amountCents).toBe(0);
  });

  it("prices a non-union month from its estimate's week, saying both", () => {
    const q = engine.quote({ role: "Script Supervisor", unit: "month", region: "New York" });
    expect(q.basis.kind).toBe("estimate");
    expect(q.basis.kind !== "override" && q.basis.method).toMatch(/Per month: derived from/);
  });

  it("uses a Rate Overrides amount per episode as written", () => {
    const prod = engine.withProduction({
      overrides: [["Key Grip", "", "episode", 6000, "Episodic deal"]],
      roles: [],
    });
    const q = prod.quote({ role: "Key Grip", unit: "eps", quantity: 2 });
    expect(q.basis.kind).toBe("override");
    expect(q.subtotalCents).toBe(1_200_000);
    expect(q.contributionHours).toBeCloseTo(2 * 1.6 * week.contributionHours, 9);
  });
});
