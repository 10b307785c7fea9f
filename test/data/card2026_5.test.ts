/**
 * Card 2026.5 (issue 13): the health contribution level reaches every MPI-based rate, and workbooks
 * pinned to 2026.4 keep every number they had. The fixture holds card 2026.4's totals at both
 * levels, generated once from the shipped card (git be1b43d).
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { fixtureLines, linesPricedOtherwise, quoteOrNull } from "./totalsFixture";
import shipped2026_4 from "./card-2026.4-totals.json";

const at2026_4 = engine.forVersion("2026.4");

/** The fringes card 2026.5 adds for an independent producer outside the Basic Agreement. */
const NEW_INDEPENDENT = [
  "teamsters-mpi-health-independent",
  "teamsters-mpi-retiree-health-independent",
  "lbt-mpi-health-independent",
  "lbt-mpi-retiree-health-independent",
  "asa-health-independent",
  "local-52-welfare-independent",
  "local-600-amendment-health-independent",
];

/** The books card 2026.5 adds. */
const NEW_BOOKS = ["iatse-600-amendment-outside", "iatse-600-amendment-md"];

describe("the shipped card pinned to 2026.4", () => {
  it("prices every role, region, tier, level and named agreement exactly as 2026.4 shipped", () => {
    const { lines, wrong } = linesPricedOtherwise(at2026_4, shipped2026_4);
    expect(Object.keys(shipped2026_4.totals).length).toBeGreaterThan(250);
    expect(lines).toBeGreaterThan(50_000);
    expect(wrong).toEqual([]);
  });
});

describe("card 2026.5 against 2026.4", () => {
  it("changes only an independent producer's lines that carry an MPI-based health rate", () => {
    const wrong: string[] = [];
    const changed = new Map<string, number>();
    let onNewBooks = 0;
    for (const [req, expected] of fixtureLines(shipped2026_4)) {
      const q = quoteOrNull(engine, req);
      const total = q?.totalCents ?? null;
      const carries = q?.fringes.some((f) => NEW_INDEPENDENT.includes(f.id)) ?? false;
      if (q !== null && q.basis.kind !== "override" && NEW_BOOKS.includes(q.basis.book.id)) {
        // A line card 2026.4 priced as a non-union estimate, now on a Local 600 schedule.
        const before = quoteOrNull(at2026_4, req);
        if (before?.agreement.id !== "non-union" || q.agreement.id !== "local-600-amendment")
          wrong.push(JSON.stringify(req));
        onNewBooks++;
        continue;
      }
      if (req.healthContribution === "contributor" || !carries) {
        if (total !== expected) wrong.push(JSON.stringify(req));
        continue;
      }
      // The premium rate and the retiree add-on are never less than the contributor's figures.
      if (total === null || expected === null || total <= expected) wrong.push(JSON.stringify(req));
      changed.set(q!.agreement.id, (changed.get(q!.agreement.id) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    expect(onNewBooks).toBeGreaterThan(0);
    expect([...changed.keys()].sort()).toEqual(
      [
        "asa",
        "asa-tv-other",
        "lbt",
        "local-52",
        "local-52-tv",
        "local-600-amendment",
        "teamsters",
      ].sort(),
    );
  });
});

describe("Local 600 outside Los Angeles and New York", () => {
  const week = (role: string, region: string, date = "2026-10-01") =>
    engine.quoteFast({ role, region, unit: "week", date });

  it.each([
    // Schedule #22 E-1 weekly, 8/2/2026-7/31/2027 (p.103), as printed.
    ["director-of-photography", 579226],
    ["camera-operator", 368366],
    ["first-assistant-camera", 293798],
    ["second-assistant-camera", 271578],
    ["digital-imaging-technician", 341080],
    ["camera-utility", 253160],
    ["still-photographer", 300920],
  ])("prices a Georgia %s week on Schedule #22 at the printed figure", (role, cents) => {
    for (const region of ["Georgia", "New Mexico", "Other US"]) {
      const q = week(role, region);
      expect(q.agreement.id).toBe("local-600-amendment");
      expect(q.basis.kind === "override" ? "" : q.basis.book.id).toBe(
        "iatse-600-amendment-outside",
      );
      expect(q.subtotalCents, `${role} ${region}`).toBe(cents);
      expect(q.fringes.some((f) => f.id === "local-600-amendment-pension")).toBe(true);
    }
  });

  it("prices a Maryland camera operator on Schedule #12 (the Corridor), the New York figure", () => {
    const md = week("camera-operator", "Maryland");
    const ny = week("camera-operator", "New York");
    expect(md.agreement.id).toBe("local-600-amendment");
    expect(md.basis.kind === "override" ? "" : md.basis.book.id).toBe("iatse-600-amendment-md");
    expect(md.subtotalCents).toBe(ny.subtotalCents);
    expect(ny.basis.kind === "override" ? "" : ny.basis.book.id).toBe("iatse-600-amendment");
  });

  it("leaves workbooks pinned to 2026.4 with their non-union camera estimates", () => {
    for (const region of ["Georgia", "Maryland"]) {
      const q = at2026_4.quoteFast({ role: "camera-operator", region, unit: "week" });
      expect(q.agreement.id).toBe("non-union");
    }
  });
});

describe("Local 600 pilots and one-hour series, a named agreement", () => {
  const week = (role: string, region: string, agreement?: string) =>
    engine.quoteFast({ role, region, agreement, unit: "week", date: "2026-10-01" });

  it.each([
    // 8/2/2026-7/31/2027 weekly, as printed: Schedule #23 p.107 outside the Corridor, #13 p.67 in it.
    ["camera-operator", "Georgia", "iatse-600-amendment-outside-one-hour", 357307],
    ["first-assistant-camera", "New Mexico", "iatse-600-amendment-outside-one-hour", 284973],
    ["camera-operator", "New York", "iatse-600-amendment-one-hour", 356000],
    ["first-assistant-camera", "Maryland", "iatse-600-amendment-one-hour", 257114],
  ])("prices a %s in %s on %s at the printed week", (role, region, book, cents) => {
    const q = week(role, region, "Local 600 One-Hour");
    expect(q.agreement.id).toBe("local-600-amendment-one-hour");
    expect(q.basis.kind === "override" ? "" : q.basis.book.id).toBe(book);
    expect(q.subtotalCents).toBe(cents);
    expect(q.fringes.some((f) => f.id === "local-600-amendment-pension")).toBe(true);
    // A line left to its default keeps the theatrical schedule.
    expect(week(role, region).agreement.id).toBe("local-600-amendment");
  });

  it("has no rate for a class the one-hour schedules do not print", () => {
    const attempt = () => week("digital-imaging-technician", "Georgia", "Local 600 One-Hour");
    expect(attempt).toThrow(
      /no IATSE Local 600 Amendment Agreement, pilots and one-hour series scale/,
    );
  });
});
