/**
 * Golden tests: every figure transcribed from the published wage-schedule books (test/golden/*.csv)
 * is reproduced to the cent by the engine, and every role priced from a book quotes that book's
 * figure. A new period's rows in a CSV are checked here as soon as they are added.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import type { Unit } from "../../src/engine";
import { parseCsv, parseDollarsToCents } from "../../scripts/csv";
import { BOOKS } from "../../scripts/scaleBooks";

const goldenDir = fileURLToPath(new URL("../golden/", import.meta.url));

interface Figure {
  book: string;
  code: string;
  schedule: string;
  hire: string;
  unit: Unit;
  cents: number;
  from: string;
  hourly: number | undefined;
  daily: number | undefined;
  dailyHours: number | undefined;
}

function figuresOf(book: string, csv: string): Figure[] {
  const out: Figure[] = [];
  for (const row of parseCsv(readFileSync(`${goldenDir}${csv}`, "utf8"))) {
    const hourly = parseDollarsToCents(row.hourly);
    const daily = parseDollarsToCents(row.daily);
    const weekly = parseDollarsToCents(row.weekly);
    const base = {
      book,
      code: row.occ_code!,
      schedule: row.schedule!,
      hire: row.hire!,
      from: row.effective_from!,
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

const figures = BOOKS.flatMap((b) => figuresOf(b.id, b.csv));

describe("golden tables", () => {
  it("has a golden CSV for every book on the card, and a book for every CSV", () => {
    const csvs = readdirSync(goldenDir)
      .filter((f) => f.endsWith(".csv"))
      .sort();
    expect(BOOKS.map((b) => b.csv).sort()).toEqual(csvs);
    expect(rateCard.scales.map((b) => b.id).sort()).toEqual(BOOKS.map((b) => b.id).sort());
    expect(figures.length).toBeGreaterThan(1000);
  });

  it("reproduces every printed figure to the cent", () => {
    const wrong = figures.filter(
      (f) => engine.scaleRate(f.book, f.code, f.schedule, f.unit, f.from) !== f.cents,
    );
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

  it("quotes each union role at its own book's printed figure for the schedule it uses", () => {
    let checked = 0;
    for (const role of rateCard.roles) {
      const ref = role.scales[0];
      if (!ref) continue;
      const agreement = rateCard.scales.find((b) => b.id === ref.agreement)!.agreement;
      const rows = figures.filter((f) => f.book === ref.agreement && f.code === ref.code);
      for (const row of rows) {
        const q = engine.quoteFast({ role: role.id, agreement, unit: row.unit, date: row.from });
        expect(q.basis.kind).toBe("published");
        if (q.basis.kind === "override") continue;
        if (q.basis.schedule.label !== row.schedule || q.basis.period.from !== row.from) continue;
        expect(q.unitRateCents, `${role.id} ${row.unit} ${row.from}`).toBe(row.cents);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
