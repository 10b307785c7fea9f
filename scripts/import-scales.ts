/**
 * Turns the golden transcriptions (test/golden/<book>.csv) into the card's scale books
 * (src/data/scales/<book>.json). Printed figures are copied as printed; periods a book does not
 * print are derived only where scaleBooks.ts says how, and are marked estimates with that method.
 * Run: npm run data:import
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scaleBookSchema } from "../src/engine/cardSchema";
import { roundCents } from "../src/engine/money";
import type { Classification, Hire, PeriodRate, ScaleBook, Schedule } from "../src/engine/types";
import { parseCsv, parseDollarsToCents } from "./csv";
import { incomingRows } from "./incomingBooks";
import { BOOKS, type BookConfig, type Derivation } from "./scaleBooks";

const root = fileURLToPath(new URL("..", import.meta.url));

function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === "" ? undefined : Number(text);
}

function derivePeriod(rate: PeriodRate, d: Derivation): PeriodRate {
  const out: PeriodRate = {
    from: d.from,
    to: d.to,
    kind: "estimate",
    method: `Estimate: ${d.method}.`,
  };
  // A figure derived from one added in a later card version arrives with it.
  if (rate.since !== undefined) out.since = rate.since;
  if (rate.hourlyCents !== undefined) {
    const hourly = roundCents(rate.hourlyCents * d.factor);
    out.hourlyCents = hourly;
    if (rate.dailyCents !== undefined) {
      out.dailyCents = roundCents(
        (hourly * Math.round((rate.dailyCents / rate.hourlyCents) * 10)) / 10,
      );
    }
    if (rate.weeklyCents !== undefined) {
      out.weeklyCents = roundCents(
        (hourly * Math.round((rate.weeklyCents / rate.hourlyCents) * 10)) / 10,
      );
    }
  } else {
    const round = (c: number) => (d.wholeDollars ? Math.round(c / 100) * 100 : roundCents(c));
    if (rate.dailyCents !== undefined) out.dailyCents = round(rate.dailyCents * d.factor);
    if (rate.weeklyCents !== undefined) out.weeklyCents = round(rate.weeklyCents * d.factor);
  }
  return out;
}

/** The golden rows of a book: its own CSV, or its part of an incoming book. */
export function goldenRowsOf(config: BookConfig, csvText: string): Record<string, string>[] {
  return config.incoming
    ? incomingRows(csvText, config.incoming).map((r) => ({ ...r }))
    : parseCsv(csvText);
}

function dollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

export function buildBook(config: BookConfig, csvText: string): ScaleBook {
  const classifications = new Map<string, Classification>();
  const superseded = new Set((config.supersede ?? []).map((s) => s.period));
  /** Printed figures of superseded periods, by classification and schedule, for the method text. */
  const printed = new Map<string, string>();
  for (const row of goldenRowsOf(config, csvText)) {
    const code = row.occ_code!;
    let classification = classifications.get(code);
    if (!classification) {
      classification = { code, title: row.classification!, schedules: [] };
      classifications.set(code, classification);
    }
    // Later periods may retitle a classification (Teamsters merged driver classes); keep the newest.
    classification.title = row.classification!;
    let schedule = classification.schedules.find((s) => s.label === row.schedule);
    if (!schedule) {
      schedule = { label: row.schedule!, hire: row.hire as Hire, rates: [] } satisfies Schedule;
      const dailyHours = optionalNumber(row.daily_hours);
      const weeklyHours = optionalNumber(row.weekly_hours);
      if (dailyHours !== undefined) schedule.dailyHours = dailyHours;
      if (weeklyHours !== undefined) schedule.weeklyHours = weeklyHours;
      classification.schedules.push(schedule);
    }
    const hourly = parseDollarsToCents(row.hourly);
    const daily = parseDollarsToCents(row.daily);
    const weekly = parseDollarsToCents(row.weekly);
    if (superseded.has(row.effective_from!)) {
      const figure = hourly ?? daily ?? weekly;
      if (figure !== undefined) {
        printed.set(`${code} ${schedule.label} ${row.effective_from!}`, dollars(figure));
      }
      continue;
    }
    const rate: PeriodRate = {
      from: row.effective_from!,
      to: row.effective_to!,
      kind: "published",
    };
    if (hourly !== undefined) rate.hourlyCents = hourly;
    if (daily !== undefined) rate.dailyCents = daily;
    if (weekly !== undefined) rate.weeklyCents = weekly;
    const page = optionalNumber(row.page);
    if (page !== undefined) rate.page = page;
    // A row added to a book after it first shipped names the card version that added it.
    if (row.since) rate.since = row.since;
    // A printed row a later card version corrects: pinned workbooks keep it, later ones do not.
    if (row.until) rate.until = row.until;
    const periodSource = config.periodSources?.[rate.from];
    if (periodSource) rate.source = periodSource;
    schedule.rates.push(rate);
  }
  for (const { period, derive: d } of config.supersede ?? []) {
    for (const classification of classifications.values()) {
      for (const schedule of classification.schedules) {
        const base = schedule.rates.find((r) => r.from === d.fromPeriod);
        if (!base) continue;
        const rate = derivePeriod(base, d);
        const was = printed.get(`${classification.code} ${schedule.label} ${period}`);
        if (was) rate.method = `${rate.method} The book prints ${was} for this period.`;
        schedule.rates.push(rate);
      }
    }
  }
  for (const d of config.derive ?? []) {
    for (const classification of classifications.values()) {
      for (const schedule of classification.schedules) {
        const base = schedule.rates.find((r) => r.from === d.fromPeriod);
        if (base && !schedule.rates.some((r) => r.from === d.from)) {
          schedule.rates.push(derivePeriod(base, d));
        }
        schedule.rates.sort((a, b) => a.from.localeCompare(b.from));
      }
    }
  }
  if (config.since) {
    for (const c of classifications.values())
      for (const s of c.schedules) for (const r of s.rates) r.since ??= config.since;
  }
  return scaleBookSchema.parse({
    $schema: "../schema/scale-book.schema.json",
    id: config.id,
    agreement: config.agreement,
    name: config.name,
    regions: config.regions,
    ...(config.tiers ? { tiers: config.tiers } : {}),
    source: config.source,
    classifications: [...classifications.values()],
  });
}

function main(): void {
  for (const config of BOOKS) {
    const csv = readFileSync(`${root}test/golden/${config.csv}`, "utf8");
    const book = buildBook(config, csv);
    writeFileSync(`${root}src/data/scales/${config.id}.json`, `${JSON.stringify(book, null, 1)}\n`);
    const periods = book.classifications.reduce(
      (n, c) => n + c.schedules.reduce((m, s) => m + s.rates.length, 0),
      0,
    );
    console.log(
      `${config.id}: ${book.classifications.length} classifications, ${periods} schedule periods`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
