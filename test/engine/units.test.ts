import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
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
    expect(e.details.suggestions).toEqual(expect.arrayContaining(["hour", "day", "week", "flat"]));
  });
});
