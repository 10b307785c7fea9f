/**
 * Card 2026.6 (issue 13): the Basic Agreement's pilots and new one-hour series in Los Angeles.
 * Each West Coast local's "rates reduced by 3%" schedule is on the card under two agreements a
 * line names, since the 2024 IATSE MOA's Exhibit "C" gives pilots and season 1 no vacation or
 * unworked holiday pay and season 2 half of each. Workbooks pinned to 2026.5 keep every number:
 * the fixture holds card 2026.5's totals, generated once from the shipped card (git e407b95).
 */
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import { isRateError, type Quote } from "../../src/engine";
import { linesPricedOtherwise, quoteOrNull } from "./totalsFixture";
import shipped2026_5 from "./card-2026.5-totals.json";

const at2026_5 = engine.forVersion("2026.5");

describe("card 2026.6 against 2026.5", () => {
  it.each([
    ["pinned to 2026.5", at2026_5],
    ["at 2026.6", engine],
  ])(
    "prices every role, region, tier, level and named agreement of 2026.5 exactly as 2026.5 shipped, %s",
    (_, e) => {
      const { lines, wrong } = linesPricedOtherwise(e, shipped2026_5);
      expect(lines).toBeGreaterThan(55_000);
      expect(wrong).toEqual([]);
    },
  );

  it("has no new-series agreement in a workbook pinned to 2026.5", () => {
    const req = { role: "Key Grip", unit: "week", agreement: "IATSE One-Hour" } as const;
    expect(quoteOrNull(at2026_5, req)).toBeNull();
    expect(quoteOrNull(engine, req)).not.toBeNull();
  });
});

/** The book a line was priced from. */
const bookOf = (q: Quote) => (q.basis.kind === "override" ? "" : q.basis.book.id);

describe("pilots and new one-hour series in Los Angeles, two named agreements", () => {
  const week = (role: string, agreement?: string) =>
    engine.quoteFast({ role, agreement, unit: "week", date: "2026-10-01" });

  it.each([
    // 8/2/2026-7/31/2027 weekly figures, as printed on each local's Schedule #2.
    ["camera-operator", "iatse-600", 357307], // Local 600 p.23, 1911 Schedule B
    ["first-assistant-camera", "iatse-600", 284973], // Local 600 p.23, 1941 B-1
    ["key-grip", "iatse-80", 380884], // Local 80 p.22, 4551 Schedule B
    ["property-master", "iatse-44", 380884], // Local 44 p.18, 7331 Schedule B
    ["art-director", "iatse-800", 500840], // Local 800 p.11, 1303 Schedule C
    ["set-medic", "iatse-80-first-aid", 221760], // First Aid p.15, 4321 B-1
  ])("prices a %s week on the local's Schedule #2 under both", (role, studioBook, cents) => {
    const studio = week(role);
    expect(bookOf(studio)).toBe(studioBook);
    for (const [agreement, id, book] of [
      ["IATSE One-Hour", "iatse-one-hour", `${studioBook}-one-hour`],
      ["IATSE Season 2", "iatse-one-hour-season-2", `${studioBook}-one-hour-s2`],
    ] as const) {
      const q = week(role, agreement);
      expect(q.agreement.id).toBe(id);
      expect(bookOf(q)).toBe(book);
      expect(q.subtotalCents, `${role} ${agreement}`).toBe(cents);
      // About 3% below the studio schedule: the reduction is on the hourly rate.
      expect(q.subtotalCents / studio.subtotalCents).toBeCloseTo(0.97, 3);
    }
  });

  it("gives pilots and season 1 no vacation or holiday pay, season 2 half, and the same MPI contributions", () => {
    const studio = week("key-grip");
    const one = week("key-grip", "IATSE Pilot");
    const two = week("key-grip", "IATSE Season 2");
    const fringe = (q: Quote, id: string) => q.fringes.find((f) => f.id === id);
    expect(fringe(studio, "iatse-vacation-holiday")?.amountCents).toBe(
      Math.round(studio.subtotalCents * 0.08583),
    );
    expect(fringe(one, "iatse-vacation-holiday")).toBeUndefined();
    expect(fringe(one, "iatse-vacation-holiday-season-1")?.amountCents).toBe(0);
    expect(fringe(two, "iatse-vacation-holiday")).toBeUndefined();
    expect(fringe(two, "iatse-vacation-holiday-season-2")?.amountCents).toBe(
      Math.round(two.subtotalCents * 0.04292),
    );
    // Per-hour MPI contributions do not depend on the wage: the same 54 guaranteed hours.
    for (const id of ["iatse-mpi-health-independent", "iatse-mpi-pension", "iatse-csatf"]) {
      expect(fringe(one, id)?.amountCents, id).toBe(fringe(studio, id)?.amountCents);
      expect(fringe(two, id)?.amountCents, id).toBe(fringe(studio, id)?.amountCents);
    }
    const explained = engine.quote({ role: "key-grip", agreement: "IATSE Pilot", unit: "week" });
    expect(explained.explanation).toContain("Vacation & holiday (IATSE, season 1: none) 0%");
  });

  it("labels the season-2 vacation and holiday pay an estimate with its method, and cites Exhibit C", () => {
    const half = rateCard.fringes.find((f) => f.id === "iatse-vacation-holiday-season-2")!;
    for (const p of half.periods) {
      expect(p.kind).toBe("estimate");
      expect(p.method).toMatch(/half the Basic Agreement's vacation and unworked holiday pay/);
      expect(p.source.docNumber).toBe("00317375");
    }
    const none = rateCard.fringes.find((f) => f.id === "iatse-vacation-holiday-season-1")!;
    expect(none.periods.every((p) => p.percentBps === 0 && p.kind === "published")).toBe(true);
  });

  it("derives Local 728's later periods from the printed 3% column, labelled", () => {
    const q = week("gaffer", "IATSE One-Hour");
    expect(bookOf(q)).toBe("iatse-728-one-hour");
    expect(q.basis.kind).toBe("estimate");
    // Printed 8/4/2024: $58.01 an hour for the 54-hour week (61 pay hours), the studio's × 0.97.
    const printed = engine.quoteFast({
      role: "gaffer",
      agreement: "IATSE One-Hour",
      unit: "week",
      date: "2025-01-15",
    });
    expect(printed.basis.kind).toBe("published");
    expect(printed.subtotalCents).toBe(353861);
  });

  it("leaves a line without a named agreement on the studio schedule", () => {
    for (const role of ["camera-operator", "key-grip", "gaffer", "art-director"]) {
      expect(week(role).agreement.id).toBe("iatse");
    }
  });

  it("prices season 3 and later on the Basic Agreement, as Exhibit C's 'Seasons 3+: WCSL Agreement rates' says", () => {
    const studio = week("key-grip");
    for (const agreement of ["IATSE Season 3", "IATSE Seasons 3+", "IATSE Season 5"]) {
      const q = week("key-grip", agreement);
      expect(q.agreement.id, agreement).toBe("iatse");
      expect(q.totalCents, agreement).toBe(studio.totalCents);
    }
    // A season the card has no name for is refused, never read as a near spelling (Season 2).
    expect(() => week("key-grip", "IATSE Season 9")).toThrow(/Unknown agreement 'IATSE Season 9'/);
  });

  it("says which roles and regions it has no schedule for", () => {
    const attempt =
      (role: string, region = "Los Angeles") =>
      () =>
        engine.quoteFast({ role, region, unit: "week", agreement: "IATSE One-Hour" });
    // Teamsters 399 prints no reduced schedule; the new-series books are for Los Angeles.
    expect(attempt("Production Driver")).toThrow(
      /no IATSE Basic Agreement, pilots and season 1 of one-hour series scale for this role/,
    );
    expect(attempt("Key Grip", "Georgia")).toThrow(
      /applies in Los Angeles; use Non-union or a negotiated rate/,
    );
  });

  it("points a one-hour line at the one-hour agreement that prices it where it is", () => {
    const message = (role: string, agreement: string, region: string) => {
      try {
        engine.quoteFast({ role, region, agreement, unit: "week" });
      } catch (e) {
        if (isRateError(e)) return e.message;
        throw e;
      }
      return "priced";
    };
    expect(message("Camera Operator", "Local 600 One-Hour", "Los Angeles")).toMatch(
      /in Los Angeles, name 'IATSE One-Hour' for this kind of production/,
    );
    expect(message("Camera Operator", "IATSE Season 2", "Georgia")).toMatch(
      /in Georgia, name 'Local 600 One-Hour' for this kind of production/,
    );
    // Pinned to 2026.5, Los Angeles has no one-hour books to point at.
    expect(() =>
      at2026_5.quoteFast({
        role: "Camera Operator",
        region: "Los Angeles",
        agreement: "Local 600 One-Hour",
        unit: "week",
      }),
    ).toThrow(/applies in Georgia, New Mexico, Other US; use Non-union/);
  });
});
