import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { formatRate } from "../../src/engine/explain";

const money = (text: string) => Number(text.replace(/[$,]/g, ""));

describe("explanations", () => {
  it("shows a rate at the precision the card holds", () => {
    expect(formatRate(800.3)).toBe("$8.003");
    expect(formatRate(80000)).toBe("$800.00");
  });

  it.each([
    ["Gaffer", 1, "week"],
    ["Gaffer", 3.5, "day"],
    ["Key Grip", 10, "week"],
    ["1st Assistant Camera", 7, "day"],
    ["Dolly Grip", 13, "week"],
  ])(
    "makes every per-hour and per-day fringe line of %s multiply out to the cent",
    (role, qty, unit) => {
      const q = engine.quote({ role, quantity: qty, unit, agreement: "IATSE" });
      const lines = [
        ...q.explanation.matchAll(
          /(\$[\d,.]+)\/(?:hr|day) × ([\d.]+) (?:hours|days) = (\$[\d,]+\.\d{2})/g,
        ),
      ];
      expect(lines.length).toBeGreaterThan(0);
      // The MPI health rate (an independent producer's, the default) is 1277.3 cents an hour on
      // the default date: shown as $12.773.
      expect(q.explanation).toContain("$12.773/hr");
      for (const [text, rate, count, amount] of lines) {
        const product = Math.round(money(rate!) * Number(count) * 100 + 1e-7) / 100;
        expect(product, text).toBeCloseTo(money(amount!), 2);
      }
    },
  );
});
