import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { isRateError, type Fringe } from "../../src/engine";
import { fringesOnDate } from "../../src/engine/fringes";
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

  it("does not charge a fringe the card ends before its others, and says so in the quote", () => {
    const id = "ga-admin-assessment";
    const before = engine.quote({ role: "Key Grip", region: "Georgia", date: "2026-06-01" });
    expect(before.fringes.map((f) => f.id)).toContain(id);
    const after = engine.quote({ role: "Key Grip", region: "Georgia", date: "2027-03-01" });
    expect(after.fringes.map((f) => f.id)).not.toContain(id);
    expect(after.notes.join(" ")).toMatch(
      /Georgia administrative assessment \(new employers\) is not charged: the card's figures for it end 2026-12-31/,
    );
    expect(after.explanation).toContain("is not charged");
  });

  it("carries every fringe past the card's last figures forward unchanged, as labelled estimates", () => {
    // A negotiated rate has no scale period to run out of: only its fringes do.
    const prod = engine.withProduction({
      overrides: [["Key Grip", "IATSE", "week", 5000, "deal"]],
      roles: [],
    });
    const last = prod.quote({ role: "Key Grip", agreement: "IATSE", date: "2027-12-01" });
    const later = prod.quote({ role: "Key Grip", agreement: "IATSE", date: "2028-06-01" });
    expect(later.fringes.map((f) => f.id)).toEqual(last.fringes.map((f) => f.id));
    expect(later.fringes.map((f) => f.amountCents)).toEqual(last.fringes.map((f) => f.amountCents));
    for (const f of later.fringes) {
      expect(f.kind, f.id).toBe("estimate");
      expect(f.method, f.id).toMatch(/carried forward unchanged to 2028-06-01/);
    }
    expect(later.notes.join(" ")).toMatch(/end 2027-12-31: each is carried forward unchanged/);
    expect(later.explanation).not.toContain("No fringes apply");
  });

  describe("fringesOnDate", () => {
    const source = { title: "Test table" };
    const fringe = (id: string, periods: [string, string][]): Fringe => ({
      id,
      label: id,
      category: "tax",
      regions: ["*"],
      agreements: ["*"],
      basis: "percent",
      periods: periods.map(([from, to]) => ({
        from,
        to,
        percentBps: 100,
        kind: "published",
        source,
      })),
    });
    const card = [
      fringe("long", [
        ["2024-01-01", "2024-12-31"],
        ["2025-01-01", "2025-12-31"],
      ]),
      fringe("short", [["2024-01-01", "2024-12-31"]]),
    ];

    it("takes the period in force, with no notes, inside every table", () => {
      const on = fringesOnDate(card, "iatse", "georgia", "2024-06-01");
      expect(on.inForce.map((f) => [f.fringe.id, f.period.kind, f.carriedFrom])).toEqual([
        ["long", "published", undefined],
        ["short", "published", undefined],
      ]);
      expect(on.notes).toEqual([]);
    });

    it("names a table that ends before the others instead of dropping it in silence", () => {
      const on = fringesOnDate(card, "iatse", "georgia", "2025-06-01");
      expect(on.inForce.map((f) => f.fringe.id)).toEqual(["long"]);
      expect(on.notes).toEqual([expect.stringMatching(/^short is not charged: .* end 2024-12-31/)]);
    });

    it("past every table, carries each last figure forward as an estimate saying from where", () => {
      const on = fringesOnDate(card, "iatse", "georgia", "2026-03-01");
      const long = on.inForce.find((f) => f.fringe.id === "long")!;
      expect(long.period).toMatchObject({ kind: "estimate", percentBps: 100, to: "2025-12-31" });
      expect(long.carriedFrom?.kind).toBe("published");
      expect(long.period.method).toMatch(/last figure \(2025-01-01 to 2025-12-31, published\)/);
      expect(on.notes.join(" ")).toMatch(/short is not charged/);
      expect(on.notes.join(" ")).toMatch(/long end 2025-12-31: each is carried forward/);
    });
  });
});
