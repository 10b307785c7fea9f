/**
 * Golden tests: every figure transcribed from the published wage-schedule books (test/golden/*.csv)
 * is reproduced to the cent by the engine, and every role priced from a book quotes that book's
 * figure. A new period's rows in a CSV are checked here as soon as they are added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import { belongsToVersion, type Unit } from "../../src/engine";
import { parseDollarsToCents } from "../../scripts/csv";
import { goldenRowsOf } from "../../scripts/import-scales";
import { BOOKS, type BookConfig } from "../../scripts/scaleBooks";

const goldenDir = fileURLToPath(new URL("../golden/", import.meta.url));

const FRINGES_FROM = "2024-01-01";

interface Figure {
  book: string;
  /** Printed, but replaced on the card by a derived figure (see scaleBooks.ts `supersede`). */
  superseded: boolean;
  code: string;
  schedule: string;
  hire: string;
  unit: Unit;
  cents: number;
  from: string;
  to: string;
  hourly: number | undefined;
  daily: number | undefined;
  dailyHours: number | undefined;
}

function figuresOf(config: BookConfig): Figure[] {
  const out: Figure[] = [];
  const book = config.id;
  const superseded = new Set((config.supersede ?? []).map((s) => s.period));
  for (const row of goldenRowsOf(config, readFileSync(`${goldenDir}${config.csv}`, "utf8"))) {
    const hourly = parseDollarsToCents(row.hourly);
    const daily = parseDollarsToCents(row.daily);
    const weekly = parseDollarsToCents(row.weekly);
    const base = {
      book,
      superseded: superseded.has(row.effective_from!),
      code: row.occ_code!,
      schedule: row.schedule!,
      hire: row.hire!,
      from: row.effective_from!,
      to: row.effective_to!,
      hourly,
      daily,
      dailyHours: row.daily_hours ? Number(row.daily_hours) : undefined,
    };
    if (hourly !== undefined) out.push({ ...base, unit: "hour", cents: hourly });
    if (daily !== undefined) out.push({ ...base, unit: "day", cents: daily });
    if (weekly !== undefined) out.push({ ...base, unit: "week", cents: weekly });
  }
  return out;
}

const all = BOOKS.flatMap((b) => figuresOf(b));
const figures = all.filter((f) => !f.superseded);
const superseded = all.filter((f) => f.superseded);

describe("golden tables", () => {
  it("has a golden CSV for every book on the card, and a book for every CSV", () => {
    const csvs = readdirSync(goldenDir)
      .filter((f) => f.endsWith(".csv"))
      .sort();
    // One CSV may serve two books (Local 600 Schedule #12 in New York and in Maryland).
    expect([...new Set(BOOKS.filter((b) => !b.incoming).map((b) => b.csv))].sort()).toEqual(csvs);
    const incoming = readdirSync(`${goldenDir}incoming/`)
      .filter((f) => f.endsWith(".csv"))
      .map((f) => `incoming/${f}`)
      .sort();
    expect([...new Set(BOOKS.filter((b) => b.incoming).map((b) => b.csv))].sort()).toEqual(
      incoming,
    );
    expect(rateCard.scales.map((b) => b.id).sort()).toEqual(BOOKS.map((b) => b.id).sort());
    expect(figures.length).toBeGreaterThan(1000);
  });

  it("reproduces every printed figure to the cent", () => {
    const wrong = figures.filter(
      (f) => engine.scaleRate(f.book, f.code, f.schedule, f.unit, f.from) !== f.cents,
    );
    expect(wrong).toEqual([]);
  });

  it("replaces a printed period only by its stated derivation, quoting the printed figure", () => {
    expect(superseded.length).toBeGreaterThan(300);
    const wrong = superseded.filter((f) => {
      const config = BOOKS.find((b) => b.id === f.book)!;
      const { derive } = config.supersede!.find((s) => s.period === f.from)!;
      const base = engine.scaleRate(f.book, f.code, f.schedule, f.unit, derive.fromPeriod);
      const card = engine.scaleRate(f.book, f.code, f.schedule, f.unit, f.from);
      const period = rateCard.scales
        .find((b) => b.id === f.book)!
        .classifications.find((c) => c.code === f.code)!
        .schedules.find((s) => s.label === f.schedule)!
        .rates.find((r) => r.from === f.from)!;
      const printed = `$${(f.cents / 100).toFixed(2)}`;
      return (
        card !== Math.round(base * derive.factor) ||
        period.kind !== "estimate" ||
        !(period.method ?? "").includes(`The book prints ${printed}`)
      );
    });
    expect(wrong).toEqual([]);
  });

  it("prints daily figures equal to the hourly rate times the minimum call", () => {
    const both = figures.filter(
      (f) => f.unit === "day" && f.hire === "daily" && f.hourly !== undefined && f.dailyHours,
    );
    expect(both.length).toBeGreaterThan(50);
    const wrong = both.filter((f) => Math.round(f.hourly! * f.dailyHours!) !== f.cents);
    expect(wrong).toEqual([]);
  });

  it("quotes each union role at each of its books' printed figures, where and when they apply", () => {
    let checked = 0;
    const { defaults } = rateCard.meta;
    for (const role of rateCard.roles) {
      for (const ref of role.scales) {
        // A link the card has since given up (until an older version) is checked where pinned.
        if (!belongsToVersion(ref, rateCard.meta.version)) continue;
        const book = rateCard.scales.find((b) => b.id === ref.agreement)!;
        const region = book.regions.includes("*") ? defaults.region : book.regions[0]!;
        for (const tier of book.tiers ?? [defaults.tier]) {
          const rows = figures.filter((f) => f.book === ref.agreement && f.code === ref.code);
          for (const row of rows) {
            // Quotes are refused before the card's fringes start (2024-01-01); earlier printed
            // periods are checked by scaleRate above, and a period that straddles it on that day.
            const date = row.from < FRINGES_FROM ? FRINGES_FROM : row.from;
            if (date > row.to) continue;
            const q = engine.quoteFast({
              role: role.id,
              agreement: book.agreement,
              region,
              tier,
              unit: row.unit,
              date,
            });
            expect(q.basis.kind).toBe("published");
            if (q.basis.kind === "override") continue;
            if (q.basis.book.id !== book.id) continue;
            // A role may link several classifications of one book (a footnote class first).
            if (q.basis.classification.code !== ref.code) continue;
            if (q.basis.schedule.label !== row.schedule || q.basis.period.from !== row.from)
              continue;
            expect(q.unitRateCents, `${role.id} ${book.id} ${row.unit} ${row.from}`).toBe(
              row.cents,
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
