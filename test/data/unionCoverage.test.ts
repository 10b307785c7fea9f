/**
 * Card 2026.2 (issue 13): a line's default agreement is the union scale that covers its role in its
 * region and tier, its fringes follow that agreement, and a line left non-union says why.
 */
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { unionChange, type Quote } from "../../src/engine";

const week = (role: string, region: string, tier: string, date = "2025-10-01"): Quote =>
  engine.quoteFast({ role, region, tier, date, unit: "week" });

const fringeIds = (q: Quote) => q.fringes.filter((f) => f.category === "union").map((f) => f.id);

describe("default agreement by region and tier", () => {
  it.each([
    ["key-grip", "georgia", "studio", "asa", "iatse-asa"],
    ["production-sound-mixer", "new-mexico", "studio", "asa", "iatse-asa"],
    ["script-supervisor", "other-us", "studio", "asa", "iatse-asa"],
    ["key-grip", "new-york", "studio", "local-52", "iatse-52"],
    ["production-sound-mixer", "new-york", "studio", "local-52", "iatse-52"],
    ["key-grip", "los-angeles", "studio", "iatse", "iatse-80"],
    ["key-grip", "los-angeles", "tier-2", "lbt", "iatse-lbt-2"],
    ["key-grip", "new-york", "tier-3", "lbt", "iatse-lbt-3"],
    ["key-grip", "georgia", "tier-2", "lbt", "iatse-lbt-2-npc"],
    ["first-assistant-camera", "georgia", "tier-1a", "lbt", "iatse-lbt-1a"],
    ["camera-operator", "los-angeles", "tier-1b", "lbt", "iatse-lbt-1b"],
  ])("prices %s in %s at %s under %s (%s)", (role, region, tier, agreement, book) => {
    const q = week(role, region, tier);
    expect(q.agreement.id).toBe(agreement);
    expect(q.basis.kind === "override" ? "" : q.basis.book.id).toBe(book);
  });

  it("quotes the printed ASA, Local 52 and LBT figures", () => {
    // ASA Non-Maryland theatrical Key [GRIPS] 8/3/2025: $47.61/hr (p.12); Local 52 Grip
    // Department Heads 9/28/2025: $536.55/day (p.1); LBT D(1) Key Grip 1/1/2024: $42.48/hr (p.34).
    expect(
      engine.quoteFast({ role: "key-grip", region: "GA", unit: "hour", date: "2025-10-01" })
        .unitRateCents,
    ).toBe(4761);
    expect(
      engine.quoteFast({ role: "key-grip", region: "NYC", unit: "day", date: "2025-10-01" })
        .unitRateCents,
    ).toBe(53655);
    const lbt = engine.quoteFast({
      role: "key-grip",
      tier: "tier-2",
      unit: "hour",
      date: "2024-06-01",
    });
    expect([lbt.unitRateCents, lbt.basis.kind]).toEqual([4248, "published"]);
  });

  it("uses the LBT's 3% step from 1/1/2025, not the printed 4% column, and says so", () => {
    const q = engine.quoteFast({
      role: "key-grip",
      tier: "tier-2",
      unit: "hour",
      date: "2025-03-01",
    });
    expect(q.unitRateCents).toBe(Math.round(4248 * 1.03));
    expect(q.basis.kind).toBe("estimate");
    expect(q.basis.method).toMatch(/three percent.*2\.6%.*The book prints \$44\.18/s);
  });

  it("leaves the Ultra-low tier non-union by default, and quotes the negotiable LBT floor on request", () => {
    expect(week("key-grip", "los-angeles", "ultra-low").agreement.id).toBe("non-union");
    const floor = engine.quoteFast({
      role: "key-grip",
      tier: "ultra-low",
      agreement: "LBT",
      unit: "hour",
      date: "2025-06-01",
    });
    expect(floor.unitRateCents).toBe(1500);
    expect(floor.basis.source.note).toMatch(/NEGOTIABLE/);
  });
});

describe("fringes follow the line's agreement", () => {
  it("gives ASA and Local 52 lines their own (estimated) benefits, not the Basic Agreement's", () => {
    for (const q of [
      week("key-grip", "georgia", "studio"),
      week("key-grip", "new-york", "studio"),
    ]) {
      const ids = fringeIds(q);
      expect(ids.length).toBe(3);
      expect(ids.some((id) => id.startsWith("iatse-"))).toBe(false);
      expect(
        q.fringes.filter((f) => f.category === "union").every((f) => f.kind === "estimate"),
      ).toBe(true);
    }
  });

  it("gives LBT lines in Los Angeles MPI hours and 6% IAP, and elsewhere the per-day amounts", () => {
    // An independent producer (the default) pays the MPI's premium health and retiree rates.
    expect(fringeIds(week("key-grip", "los-angeles", "tier-2"))).toEqual([
      "lbt-mpi-health-independent",
      "lbt-mpi-dental-vision",
      "lbt-mpi-pension",
      "lbt-mpi-retiree-health-independent",
      "lbt-csatf",
      "lbt-iap",
    ]);
    const ga = week("key-grip", "georgia", "tier-2");
    const daily = ga.fringes.find((f) => f.id === "lbt-benefits-tier-2-3")!;
    // Art. XXIV.E(ii): $139 a day from 1/1/2025, five days.
    expect([daily.amountCents, daily.kind]).toEqual([5 * 13900, "published"]);
    const ny = week("key-grip", "new-york", "tier-1b");
    expect(ny.fringes.find((f) => f.id === "lbt-benefits-ny-tier-1")!.amountCents).toBe(5 * 15100);
  });
});

describe("a line left non-union says why, and follows the region's scale", () => {
  it("names the missing scale in the basis", () => {
    // Local 800 prices art directors in Los Angeles; neither book on the card in Georgia does.
    const q = week("production-designer", "georgia", "studio");
    expect(q.agreement.id).toBe("non-union");
    expect(q.basis.kind === "override" ? "" : q.basis.nonUnionReason).toBe(
      "no IATSE Area Standards Agreement or IATSE Local 600 Amendment Agreement scale for this role in Georgia",
    );
    const la = week("script-supervisor", "los-angeles", "studio");
    expect(la.basis.kind === "override" ? "" : la.basis.nonUnionReason).toMatch(
      /^no IATSE Basic Agreement or Teamsters Local 399 scale for this role in Los Angeles$/,
    );
  });

  it("has no reason when the producer chose non-union", () => {
    const q = engine.quoteFast({ role: "key-grip", region: "georgia", agreement: "non-union" });
    expect(q.basis.kind === "override" ? "x" : q.basis.nonUnionReason).toBeUndefined();
  });

  it("builds a Georgia non-union estimate from the ASA rate, not Los Angeles scale", () => {
    const q = engine.quoteFast({
      role: "key-grip",
      region: "georgia",
      agreement: "non-union",
      unit: "hour",
      date: "2025-10-01",
    });
    expect(q.unitRateCents).toBe(4761);
    expect(q.basis.kind === "override" ? "" : q.basis.book.id).toBe("iatse-asa");
    expect(q.fringes.some((f) => f.category === "union")).toBe(false);
  });

  it("replaces the tier factor by the LBT rate for a non-union line at Tier 2", () => {
    const q = engine.quoteFast({
      role: "key-grip",
      tier: "tier-2",
      agreement: "non-union",
      unit: "hour",
      date: "2024-06-01",
    });
    expect(q.unitRateCents).toBe(4248);
  });
});

describe("Local 52 day rates", () => {
  it("prices a week as five printed days and overtime at 1/8 of the day", () => {
    const day = engine.quoteFast({
      role: "grip",
      region: "new-york",
      unit: "day",
      date: "2025-10-01",
    });
    expect(day.unitRateCents).toBe(44820);
    const long = engine.quoteFast({
      role: "grip",
      region: "new-york",
      unit: "day",
      hoursPerDay: 10,
      date: "2025-10-01",
    });
    expect(long.unitRateCents).toBe(Math.round((44820 * 11) / 8));
    expect(
      engine.quoteFast({ role: "grip", region: "new-york", unit: "week", date: "2025-10-01" })
        .unitRateCents,
    ).toBe(5 * 44820);
  });
});

describe("unionChange (the pane's note when a setting moves lines off union scales)", () => {
  const lines = [
    { role: "production-designer", quantity: 4 },
    { role: "key-grip", quantity: 4 },
    { role: "script-supervisor", quantity: 4 },
  ];

  it("counts the lines that become estimates and their fringe difference", () => {
    const change = unionChange(engine, lines, { region: "georgia" });
    expect(change.toEstimate.map((l) => l.role)).toEqual(["Production Designer"]);
    expect(change.toEstimate[0]!.reason).toBe(
      "no IATSE Area Standards Agreement or IATSE Local 600 Amendment Agreement scale for this role in Georgia",
    );
    expect(change.toUnion.map((l) => l.role)).toEqual(["Script Supervisor"]);
    expect(change.fringeAfterCents).not.toBe(change.fringeBeforeCents);
  });

  it("moves nothing when the change keeps every line under its agreement", () => {
    const change = unionChange(engine, lines, { date: "2026-09-01" });
    expect([change.toEstimate.length, change.toUnion.length, change.refused]).toEqual([0, 0, []]);
  });
});

describe("Locals 80 First Aid, 705 and 695 in Los Angeles", () => {
  it("prices first aid and costumers from their own books", () => {
    // Local 80 First Aid 4321 B-1 week 8/3/2025: $2,208.64 (p.10); Local 705 2302 B-1 week
    // 8/4/2024: $3,292.78 (MOA p.3), and 2025-26 by the 4% GWI on the hourly × 61 pay hours.
    expect(week("set-medic", "los-angeles", "studio").unitRateCents).toBe(220864);
    expect(week("costume-supervisor", "los-angeles", "studio", "2025-01-15").unitRateCents).toBe(
      329278,
    );
    const next = week("costume-supervisor", "los-angeles", "studio");
    expect(next.unitRateCents).toBe(Math.round(Math.round(5398 * 1.04) * 61));
    expect(next.basis.kind).toBe("estimate");
  });

  it("derives Local 695 from its 2020-21 book and the wage increases, equal to Local 700's grades", () => {
    const mixer = engine.quoteFast({
      role: "production-sound-mixer",
      unit: "hour",
      date: "2025-01-15",
    });
    expect([mixer.agreement.id, mixer.unitRateCents, mixer.basis.kind]).toEqual([
      "iatse",
      9621,
      "estimate",
    ]);
    expect(mixer.basis.method).toMatch(/derived from the 2018-21 Local 695 book/);
    const boom = engine.quoteFast({
      role: "boom-operator",
      unit: "hour",
      date: "2025-01-15",
      agreement: "iatse",
    });
    expect(boom.unitRateCents).toBe(
      engine.scaleRate("iatse-700", "4107", "A-5", "hour", "2025-01-15"),
    );
  });
});

describe("CREW.BASIS", () => {
  it("says which union scale is missing where a line falls back to an estimate", () => {
    const hf = buildCrewWorkbook(engine, {
      S: [
        [
          '=CREW.BASIS("Production Designer", "week", , "Georgia")',
          '=CREW.BASIS("Key Grip", "week", , "Georgia")',
          '=CREW.BASIS("Key Grip", "week", "Non-union", "Georgia")',
        ],
      ],
    });
    const [designer, grip, chosen] = hf.getSheetValues(0)[0]!;
    hf.destroy();
    expect(designer).toBe(
      "Estimate (non-union: no IATSE Area Standards Agreement or IATSE Local 600 Amendment Agreement scale for this role in Georgia)",
    );
    expect(grip).toBe("Published (IATSE Area Standards Agreement)");
    expect(chosen).toBe("Estimate (non-union)");
  });
});
