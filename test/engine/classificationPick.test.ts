/**
 * A classification the producer picks for a line, named in its Agreement ("Local 728 #5411" or
 * "Local 728: Sub-Foreman"): every printed classification of every book a line can be priced on
 * is reachable that way, at the figure its book prints.
 */
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import { messageFor } from "../../src/taskpane/messages";
import { toExcelError } from "../../src/functions/toExcelError";
import type {
  Classification,
  ClassificationChoice,
  PeriodRate,
  Schedule,
  ScaleBook,
} from "../../src/engine";
import { errorOf } from "../fixtures/errorOf";

/** The books the card carries for reference only (see test/data/card2026_4.test.ts). */
const REFERENCE = [
  "iatse-asa-dc",
  "iatse-asa-dc-tv-long-form",
  "iatse-asa-dc-tv-other",
  "iatse-asa-new-england",
];

/** A role no book links to any of these classifications: the pick, not the card, prices it. */
const ROLE = "Production Secretary";

/** Where a book applies: its first region (Los Angeles for a nationwide one) and first tier. */
function placeOf(book: ScaleBook): { region: string; tier: string } {
  const region = book.regions[0] === "*" ? rateCard.meta.defaults.region : book.regions[0]!;
  return { region, tier: book.tiers?.[0] ?? rateCard.meta.defaults.tier };
}

/** The schedule of each hire the engine reads on a date: the first the book lists in force. */
function inForce(c: Classification, date: string, hire: Schedule["hire"]): PeriodRate | undefined {
  for (const s of c.schedules) {
    if (s.hire !== hire) continue;
    const p = s.rates.find((r) => r.from <= date && date <= r.to);
    if (p) return p;
  }
  return undefined;
}

/** A date the classification has figures on: the start of its first schedule's latest period. */
function dateOf(c: Classification): string {
  const periods = c.schedules[0]!.rates;
  return periods.reduce((latest, p) => (p.from > latest ? p.from : latest), periods[0]!.from);
}

/**
 * What the book prints for the classification on a date, by the unit a line would ask for: the
 * daily-hire hourly figure, the daily figure where it prints a day and no hour, the weekly figure
 * (weekly hire, else on call), each from the JSON as transcribed.
 */
function printed(c: Classification, date: string): { unit: string; cents: number }[] {
  const out: { unit: string; cents: number }[] = [];
  const daily = inForce(c, date, "daily");
  const weekly = inForce(c, date, "weekly") ?? inForce(c, date, "on-call");
  if (daily?.hourlyCents !== undefined) out.push({ unit: "hour", cents: daily.hourlyCents });
  else if (daily?.dailyCents !== undefined) {
    const schedule = c.schedules.find((s) => s.hire === "daily" && s.rates.includes(daily));
    // A day-only book's day is its figure when the minimum call is no longer than straight time.
    if ((schedule?.dailyHours ?? 8) <= 8) out.push({ unit: "day", cents: daily.dailyCents });
  }
  if (weekly?.weeklyCents !== undefined) out.push({ unit: "week", cents: weekly.weeklyCents });
  return out;
}

const pickable = rateCard.scales.filter((b) => !REFERENCE.includes(b.id));

describe("picking a classification for a line", () => {
  it("lists every classification of every book that applies, and prices each at its printed figure", () => {
    const wrong: string[] = [];
    let checked = 0;
    let figures = 0;
    for (const book of pickable) {
      const place = placeOf(book);
      for (const c of book.classifications) {
        const date = dateOf(c);
        const choices = engine
          .classificationsFor(engine.findRole(ROLE), { ...place, date })
          .flatMap((g) => g.choices);
        const choice = choices.find((x) => x.bookId === book.id && x.code === c.code);
        if (!choice) {
          wrong.push(`${book.id} ${c.code}: not listed in ${place.region} ${place.tier} ${date}`);
          continue;
        }
        const expected = printed(c, date);
        if (expected.length === 0) wrong.push(`${book.id} ${c.code}: no figure to compare`);
        for (const { unit, cents } of expected) {
          // By the code (the listing's text) and by the printed title, in either case.
          for (const agreement of [choice.text, `${book.id}: ${c.title.toUpperCase()}`]) {
            const q = engine.quote({ role: ROLE, unit, agreement, date, ...place });
            const basis = q.basis;
            if (basis.kind === "override") throw new Error("no overrides on the shipped card");
            if (
              q.unitRateCents !== cents ||
              basis.book.id !== book.id ||
              basis.classification.code !== c.code ||
              basis.chosen !== agreement ||
              q.agreement.id !== book.agreement
            ) {
              wrong.push(
                `${book.id} ${c.code} ${unit} '${agreement}': ${q.unitRateCents} ≠ ${cents}`,
              );
            }
            figures++;
          }
        }
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(pickable.reduce((n, b) => n + b.classifications.length, 0));
    expect(checked).toBeGreaterThan(1000);
    expect(figures).toBeGreaterThan(2 * checked);
  });

  it("derives a day from the weekly figure where the book prints only a week", () => {
    // Local 800 Art Director: on call by the week only.
    const date = "2025-08-03";
    const c = rateCard.scales
      .find((b) => b.id === "iatse-800")!
      .classifications.find((x) => x.code === "1303")!;
    const week = inForce(c, date, "on-call")!.weeklyCents!;
    const q = engine.quote({ role: ROLE, unit: "day", agreement: "Local 800 #1303", date });
    const fraction = engine.findAgreement("IATSE").workRules.dayFractionOfWeek;
    expect(q.unitRateCents).toBe(Math.round(week * fraction));
    expect(q.notes.join(" ")).toContain("of the weekly rate");
  });

  it("says in the explanation which classification was used and that the producer chose it", () => {
    const q = engine.quote({ role: "Gaffer", unit: "hour", agreement: "Local 728 #5411" });
    expect(q.explanation).toContain("Sub-Foreman (5411)");
    expect(q.explanation).toContain("was chosen for this line ('Local 728 #5411')");
    expect(q.explanation).toContain("in place of the one the card gives the role");
    const own = engine.quote({ role: "Gaffer", unit: "hour", agreement: "Local 728 #5401" });
    expect(own.explanation).toContain("it is one the card gives the role");
    const card = engine.quote({ role: "Gaffer", unit: "hour" });
    expect(card.basis.kind !== "override" && card.basis.chosen).toBeUndefined();
    expect(card.explanation).not.toContain("was chosen");
  });

  it("prices a picked classification apart from the role's own, under the book's agreement and fringes", () => {
    const picked = engine.quote({ role: "Gaffer", agreement: "Local 728 #5411", quantity: 2 });
    const own = engine.quote({ role: "Gaffer", quantity: 2 });
    expect(picked.agreement.id).toBe(own.agreement.id);
    expect(picked.unitRateCents).not.toBe(own.unitRateCents);
    expect(picked.fringes.map((f) => f.id)).toEqual(own.fringes.map((f) => f.id));
    // Teamsters figures carry the Teamsters' fringes, whatever the role.
    const driver = engine.quote({ role: "Gaffer", agreement: "Local 399 #3501", unit: "hour" });
    expect(driver.agreement.id).toBe("teamsters");
  });

  it("reads the code and the title ignoring case, and local, agreement and book spellings alike", () => {
    const rate = (agreement: string) =>
      engine.quote({ role: "Gaffer", unit: "hour", agreement }).unitRateCents;
    const expected = rate("Local 728 #5411");
    for (const text of [
      "local 728 #5411",
      "IATSE Local 728 # 5411",
      "IATSE #5411",
      "iatse-728 #5411",
      "Local 728: Sub-Foreman",
      "Local 728:sub-foreman",
      "IATSE Local 728 (Studio Electrical Lighting Technicians) Basic Agreement rates: SUB-FOREMAN",
    ]) {
      expect(rate(text), text).toBe(expected);
    }
  });

  it("uses the book that applies where the line is priced when a spelling names several", () => {
    const at = (agreement: string, region: string) =>
      engine.quote({ role: "Gaffer", unit: "day", agreement, region });
    // Local 600: the West Coast book in Los Angeles, the Amendment Agreement in New York.
    expect(at("Local 600 #1901", "Los Angeles").basis).toMatchObject({ book: { id: "iatse-600" } });
    expect(at("Local 600 #1901", "New York").basis).toMatchObject({
      book: { id: "iatse-600-amendment" },
    });
    // Local 52 is its theatrical book; its television schedules are named by their agreements.
    const code = "sound-production-mixer";
    expect(at(`Local 52 #${code}`, "New York").basis).toMatchObject({ book: { id: "iatse-52" } });
    expect(at(`Local 52 TV #${code}`, "New York").basis).toMatchObject({
      book: { id: "iatse-52-tv" },
    });
    // The ASA follows the region: Non-Maryland in Georgia, Maryland in Maryland.
    expect(at("ASA #grade-key", "Georgia").basis).toMatchObject({ book: { id: "iatse-asa" } });
    expect(at("ASA #grade-key", "Maryland").basis).toMatchObject({ book: { id: "iatse-asa-md" } });
  });

  it("still reads agreement names that hold a colon as agreements", () => {
    const name =
      "IATSE Local 52, Television: single-camera half-hour prime time dramatic series, seasons 1-2 begun on or after 10/1/2024";
    const q = engine.quote({ role: "Gaffer", unit: "day", agreement: name, region: "New York" });
    expect(q.agreement.id).toBe("local-52-tv-half-hour");
    expect(q.basis.kind !== "override" && q.basis.chosen).toBeUndefined();
  });

  it("refuses an unknown classification, with the book's closest ones as suggestions", () => {
    const e = errorOf(() =>
      engine.quote({ role: "Gaffer", agreement: "Local 728: Sub Formen", unit: "hour" }),
    );
    expect(e.code).toBe("UNKNOWN_CLASSIFICATION");
    expect(e.details.suggestions?.[0]).toBe("Sub-Foreman (#5411)");
    const cell = toExcelError(e);
    expect(cell.error).toBe("#VALUE!");
    expect(cell.message).toBe(
      "Local 728 has no classification 'Sub Formen'. Did you mean Sub-Foreman (#5411) or Gen. Foreman (#5400)?",
    );
    const pane = messageFor(e);
    expect(pane.title).toBe("Unknown classification");
    expect(pane.body).toContain("Did you mean Sub-Foreman (#5411)");
    expect(pane.body).toMatch(/\.$/);
    const code = errorOf(() => engine.quote({ role: "Gaffer", agreement: "Local 700 #417" }));
    expect(code.code).toBe("UNKNOWN_CLASSIFICATION");
    expect(code.details.suggestions).toContain("Asst. Editor 1st 6 months Z-6a (#4171)");
  });

  it("refuses a book it does not know, suggesting the spellings it does", () => {
    const e = errorOf(() => engine.quote({ role: "Gaffer", agreement: "Locl 728 #5411" }));
    expect(e.code).toBe("UNKNOWN_AGREEMENT");
    expect(e.details.input).toBe("Locl 728");
    expect(e.details.suggestions?.[0]).toBe("Local 728");
  });

  it("refuses a book that does not apply where the line is priced, saying where it does", () => {
    const e = errorOf(() =>
      engine.quote({ role: "Gaffer", agreement: "Local 728 #5411", region: "Georgia" }),
    );
    expect(e.code).toBe("NO_RATE");
    expect(e.message).toContain("applies in Los Angeles");
    expect(e.message).toContain("set the line's Region");
    expect(toExcelError(e).error).toBe("#N/A");
  });

  it("keeps the reference-only grade tables out of the list and refuses them by name", () => {
    for (const region of ["Other US", "Maryland", "Georgia", "Los Angeles", "New York"]) {
      const books = engine
        .classificationsFor(engine.findRole("Gaffer"), { region })
        .flatMap((g) => g.choices.map((c) => c.bookId));
      for (const id of REFERENCE) expect(books).not.toContain(id);
    }
    for (const id of REFERENCE) {
      const e = errorOf(() =>
        engine.quote({ role: "Gaffer", agreement: `${id} #grade-second`, region: "Other US" }),
      );
      expect(e.code).toBe("NO_RATE");
      expect(e.message).toContain("for reference only");
    }
    // "ASA" in Other US is the Non-Maryland book, never the D.C. or New England grade table.
    const q = engine.quote({
      role: "Gaffer",
      agreement: "ASA #grade-second",
      region: "Other US",
      unit: "hour",
    });
    expect(q.basis).toMatchObject({ book: { id: "iatse-asa" } });
  });

  it("lists the role's own classifications first, then each book that applies, by book", () => {
    const groups = engine.classificationsFor(engine.findRole("Gaffer"));
    expect(groups[0]?.label).toBe("This role");
    // The card's studio schedule, then the same class under each new-series agreement (card 2026.6).
    expect(groups[0]?.choices.map((c) => c.text)).toEqual([
      "Local 728 #5401",
      "IATSE One-Hour #5401",
      "IATSE Season 2 #5401",
    ]);
    expect(groups[0]?.choices.every((c) => c.isRoleOwn)).toBe(true);
    const local728 = groups.find((g) => g.label.startsWith("IATSE Local 728"));
    expect(local728?.choices.map((c) => c.code)).not.toContain("5401");
    expect(local728?.choices.map((c) => c.code)).toContain("5411");
    // Every listed text prices at its classification, there.
    const all: ClassificationChoice[] = groups.flatMap((g) => g.choices);
    expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
    for (const c of all) {
      const q = engine.quote({ role: "Gaffer", agreement: c.text });
      expect(q.basis).toMatchObject({ book: { id: c.bookId }, classification: { code: c.code } });
    }
    // Georgia lists the ASA's books, none of Los Angeles'.
    const georgia = engine.classificationsFor(engine.findRole("Gaffer"), { region: "Georgia" });
    const books = new Set(georgia.flatMap((g) => g.choices.map((c) => c.bookId)));
    expect(books.has("iatse-asa")).toBe(true);
    expect(books.has("iatse-728")).toBe(false);
  });

  it("lists nothing for a production's own role, which prices at its one rate", () => {
    const withRole = engine.withProduction({
      overrides: [],
      roles: [["Drone Wrangler", "Camera", "2100", "Flies the drones.", "day", 900, ""]],
    });
    expect(withRole.classificationsFor(withRole.findRole("Drone Wrangler"))).toEqual([]);
  });

  it("reaches every classification of the card that is not reference-only", () => {
    const linked = new Set<string>();
    for (const role of rateCard.roles) {
      for (const ref of [...role.scales, role.estimate.basis]) {
        linked.add(`${ref.agreement} ${ref.code}`);
      }
    }
    const all = rateCard.scales.flatMap((b) => b.classifications.map((c) => `${b.id} ${c.code}`));
    const reachable = new Set(linked);
    for (const book of pickable) {
      for (const c of book.classifications) {
        const place = placeOf(book);
        const listed = engine
          .classificationsFor(engine.findRole(ROLE), { ...place, date: dateOf(c) })
          .some((g) => g.choices.some((x) => x.bookId === book.id && x.code === c.code));
        if (listed) reachable.add(`${book.id} ${c.code}`);
      }
    }
    const unreached = all.filter((k) => !reachable.has(k));
    expect(unreached.every((k) => REFERENCE.includes(k.split(" ")[0]!))).toBe(true);
    expect(all.filter((k) => !linked.has(k)).length).toBeGreaterThan(unreached.length);
  });
});

describe("picking a further schedule of a classification", () => {
  // Local 600 Schedule #1, 8/2/2026-7/31/2027 (p.19): 1941 1st Asst. Photographer, Schedule B-1
  // weekly $2,937.98 (43.2 hours), Schedule C-1 weekly $3,191.46 (4-week guarantee, 48.6 hours).
  const week = (agreement: string) =>
    engine.quote({ role: "1st Assistant Camera", agreement, unit: "week", date: "2026-10-01" });

  it("prices the schedule named after the code, the first of each hire otherwise", () => {
    expect(week("Local 600 #1941").unitRateCents).toBe(293798);
    for (const agreement of [
      "Local 600 #1941 C-1",
      "local 600 #1941 c-1",
      "Local 600 #1941 C1",
      "Local 600 #1941 schedule C-1",
    ]) {
      const q = week(agreement);
      expect(q.unitRateCents, agreement).toBe(319146);
      expect(q.contributionHours).toBe(48.6);
      expect(q.basis.kind === "override" ? "" : q.basis.schedule.label).toBe("C-1");
      expect(q.basis.kind === "override" ? "" : q.basis.chosen).toBe(agreement);
      expect(q.explanation).toContain("schedule C-1");
    }
  });

  it("lists each further schedule as a choice of its own, whose text prices it", () => {
    const groups = engine.classificationsFor(engine.findRole("1st Assistant Camera"), {
      date: "2026-10-01",
    });
    const own = groups[0]!.choices.filter((c) => c.code === "1941");
    expect(own.map((c) => [c.text, c.title, c.schedule])).toEqual([
      ["Local 600 #1941", "1st Asst. Photographer", undefined],
      ["Local 600 #1941 C-1", "1st Asst. Photographer, schedule C-1", "C-1"],
      ["IATSE One-Hour #1941", "1st Asst. Photographer", undefined],
      ["IATSE One-Hour #1941 C-1", "1st Asst. Photographer, schedule C-1", "C-1"],
      ["IATSE Season 2 #1941", "1st Asst. Photographer", undefined],
      ["IATSE Season 2 #1941 C-1", "1st Asst. Photographer, schedule C-1", "C-1"],
    ]);
    // Every further schedule on the card is listed where its book applies, and prices as printed.
    const further: ClassificationChoice[] = [];
    for (const book of pickable) {
      for (const c of book.classifications) {
        const date = dateOf(c);
        const listed = engine
          .classificationsFor(engine.findRole(ROLE), { ...placeOf(book), date })
          .flatMap((g) => g.choices)
          .filter((x) => x.bookId === book.id && x.code === c.code && x.schedule !== undefined);
        for (const choice of listed) {
          const schedule = c.schedules.find((s) => s.label === choice.schedule)!;
          const period = schedule.rates.find((r) => r.from <= date && date <= r.to)!;
          const q = engine.quote({
            role: ROLE,
            agreement: choice.text,
            unit: "week",
            date,
            ...placeOf(book),
          });
          expect(q.unitRateCents, choice.text).toBe(period.weeklyCents);
          further.push(choice);
        }
      }
    }
    expect(further.map((c) => `${c.bookId} ${c.code} ${c.schedule}`)).toEqual([
      // The DGA's 7-day distant location workweek (card 2026.7).
      ...["upm", "first-ad", "key-second-ad", "second-second-ad", "additional-second-ad"].map(
        (code) => `dga ${code} distant location`,
      ),
      "iatse-600 1901 C",
      "iatse-600 1911 C",
      "iatse-600 1921 C",
      "iatse-600 1931 C",
      "iatse-600 1941 C-1",
      "iatse-600 1951 C-1",
      "iatse-600 1961 C-1",
      "iatse-700 4154 F-1",
      "iatse-700 4164 F-1",
      "iatse-700 4158 F-2",
      // Local 600's Schedule #2 prints the same further schedules (card 2026.6, two agreements).
      ...["iatse-600-one-hour", "iatse-600-one-hour-s2"].flatMap((book) =>
        ["1901 C", "1911 C", "1921 C", "1931 C", "1941 C-1", "1951 C-1", "1961 C-1"].map(
          (schedule) => `${book} ${schedule}`,
        ),
      ),
    ]);
  });

  it("refuses a schedule the classification does not print, naming those it does", () => {
    const e = errorOf(() => week("Local 600 #1941 D-9"));
    expect(e.code).toBe("UNKNOWN_SCHEDULE");
    expect(e.details.suggestions).toEqual(["A-1", "B-1", "C-1"]);
    const cell = toExcelError(e);
    expect(cell.error).toBe("#VALUE!");
    expect(cell.message).toBe(
      "1st Asst. Photographer (1941) in the IATSE Local 600 (Cinematographers Guild, West Coast) Schedule #1 has no schedule 'D-9'. Did you mean A-1, B-1 or C-1?",
    );
    const pane = messageFor(e);
    expect(pane.title).toBe("Unknown schedule");
    expect(pane.body).toContain("Local 600 #1941 C-1");
  });

  it("says so when the schedule has no figure on the line's date", () => {
    const e = errorOf(() =>
      engine.quote({
        role: "1st Assistant Camera",
        agreement: "Local 600 #1941 C-1",
        unit: "week",
        date: "2024-03-01",
      }),
    );
    expect(e.code).toBe("NO_RATE");
    expect(e.details.reason).toBe("schedule C-1 has no figure in force on that date");
  });
});
