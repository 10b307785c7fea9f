/**
 * Amounts in the production's tables: a number cell or decimal text as a US budget writes it, up
 * to a ceiling per unit; anything else is refused naming the table and the line.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import type { TableCell } from "../../src/engine";
import { MAX_AMOUNT_DOLLARS } from "../../src/engine/production";
import { errorOf } from "../fixtures/errorOf";

/** The Gaffer's rate with one Rate Overrides line of `amount` per `unit`. */
function overridden(amount: TableCell, unit = "day"): number {
  const prod = engine.withProduction({ overrides: [["Gaffer", "", unit, amount, ""]], roles: [] });
  return prod.quoteFast({ role: "Gaffer", unit }).unitRateCents;
}

/** The message refusing that line. */
function refusal(amount: TableCell, unit = "day"): string {
  const e = errorOf(() => overridden(amount, unit));
  expect(e.code).toBe("BAD_TABLE");
  return e.message;
}

describe("amounts in Rate Overrides", () => {
  it.each([
    [1234.5, 123_450],
    ["1234.50", 123_450],
    ["1,234.50", 123_450],
    ["$1,234.50", 123_450],
    ["$ 1,234", 123_400],
    ["950", 95_000],
    [".5", 50],
  ])("take %j", (amount, cents) => {
    expect(overridden(amount)).toBe(cents);
  });

  it.each(["0x10", "1,2,3", "12,34", "1e3", "0b101", "1.2.3", "$", "ten", "1 000", "-5", "(50)"])(
    "refuse %j as not an amount, naming the line",
    (amount) => {
      expect(refusal(amount)).toContain(
        `Rate Overrides line 1: Amount '${amount}' must be an amount in dollars from 0 up`,
      );
    },
  );

  it("refuse 10,000,000 per hour, saying the ceiling for the unit", () => {
    expect(refusal("10,000,000", "hour")).toContain(
      "Rate Overrides line 1: Amount '10,000,000' is more than $5,000 per hour",
    );
    expect(refusal(10_000_000, "hour")).toContain("is more than $5,000 per hour");
  });

  it.each(["hour", "day", "week", "flat"] as const)(
    "take up to the ceiling per %s and refuse a cent more",
    (unit) => {
      const max = MAX_AMOUNT_DOLLARS[unit];
      expect(overridden(max, unit)).toBe(max * 100);
      expect(refusal(max + 0.01, unit)).toContain(`per ${unit}`);
    },
  );

  it("have ceilings that put every card scale well inside", () => {
    let checked = 0;
    for (const role of engine.roles) {
      for (const rate of engine.listRates(role)) {
        expect(rate.amountCents * 10, `${role.title} per ${rate.unit}`).toBeLessThan(
          MAX_AMOUNT_DOLLARS[rate.unit] * 100,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("rates in Production Roles", () => {
  const role = (rate: TableCell, unit = "day") => ({
    overrides: [],
    roles: [["Drone Pilot", "Camera", "", "", unit, rate]],
  });

  it("take money text and refuse hex, naming the line", () => {
    const prod = engine.withProduction(role("$1,200.00"));
    expect(prod.quoteFast({ role: "Drone Pilot", unit: "day" }).unitRateCents).toBe(120_000);
    expect(errorOf(() => engine.withProduction(role("0x10"))).message).toContain(
      "Production Roles line 1: Rate '0x10' must be an amount in dollars from 0 up",
    );
  });

  it("hold the rate to the ceiling of the role's unit", () => {
    expect(engine.withProduction(role(40_000, "day")).findRole("Drone Pilot").title).toBe(
      "Drone Pilot",
    );
    expect(errorOf(() => engine.withProduction(role(40_000, "hour"))).message).toContain(
      "Production Roles line 1: Rate '40000' is more than $5,000 per hour",
    );
  });
});
