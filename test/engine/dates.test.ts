import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { isRateError } from "../../src/engine";
import { errorOf } from "../fixtures/errorOf";

describe("budget dates", () => {
  it("reads a text date in ISO or US month/day/year form alike", () => {
    const iso = engine.quote({ role: "Key Grip", date: "2025-01-15" });
    for (const date of ["1/15/2025", "01/15/2025", " 2025-01-15 "]) {
      const q = engine.quote({ role: "Key Grip", date });
      expect(q.date).toBe("2025-01-15");
      expect(q.totalCents).toBe(iso.totalCents);
    }
  });

  it.each(["15/1/2025", "2025-02-30", "Jan 15 2025", "2025/01/15", "1/15/25"])(
    "refuses %j with #VALUE! naming the forms that work",
    (date) => {
      const e = errorOf(() => engine.quote({ role: "Key Grip", date }));
      expect(e.code).toBe("BAD_DATE");
      expect(e.message).toMatch(/YYYY-MM-DD \(2025-01-15\) or month\/day\/year \(1\/15\/2025\)/);
    },
  );

  it.each([
    ["1st Assistant Director", "2023-09-01"],
    ["Gaffer", "2023-09-01"],
    ["Key Grip", "2023-12-31"],
  ])("refuses %s on %s, before the card's fringes start, naming that date", (role, date) => {
    const e = errorOf(() => engine.quote({ role, date }));
    expect(e.code).toBe("NO_RATE");
    expect(e.message).toMatch(/start on 2024-01-01/);
  });

  it("never prices a line with no fringes at all where the card has them", () => {
    for (const role of ["1st Assistant Director", "Key Grip", "Set Production Assistant"]) {
      for (const date of ["2024-01-01", "2024-09-01", "2025-06-01", "2026-08-02", "2027-07-01"]) {
        let q;
        try {
          q = engine.quote({ role, date });
        } catch (e) {
          // A date outside the role's scale is a NO_RATE; only a priced line is checked.
          if (!isRateError(e)) throw e;
          continue;
        }
        expect(q.fringes.length, `${role} ${date}`).toBeGreaterThan(0);
      }
    }
  });
});
