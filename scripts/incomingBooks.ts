/**
 * Reads the three books transcribed in their own layouts (test/golden/incoming: the Area Standards
 * Agreement, the Low Budget Theatrical Agreement and Local 52) into the golden row shape the
 * importer and the golden test share. Nothing is computed here: each row keeps the printed figure,
 * its period and its page; only the column names change. Rule cells ("per individual
 * negotiation", "STN", "N/A") carry no figure and make no row.
 */
import { parseCsv } from "./csv";

/** One printed figure, in the columns of the top-level golden CSVs. */
export interface GoldenRow {
  occ_code: string;
  classification: string;
  schedule: string;
  hire: string;
  hourly: string;
  daily: string;
  weekly: string;
  daily_hours: string;
  weekly_hours: string;
  effective_from: string;
  effective_to: string;
  page: string;
  /** The card version that added the row, where it came after its book (empty: the book's). */
  since: string;
}

/**
 * A table of another rate set that an ASA book also carries, from a later card version: the p.2
 * APOCs and ADCs table ("All ASA-Covered Geographic Areas") in each television book.
 */
export interface AsaExtraTable {
  rateSet: string;
  category: string;
  since: string;
}

/** Which rows of an incoming book make one scale book on the card. */
export type IncomingFilter =
  | { format: "asa"; rateSet: string; category: string; extra?: AsaExtraTable[] }
  | { format: "lbt"; tier: string; citySet: string }
  | { format: "local-52"; category: string };

/** A stable classification code from a printed label: "Key [GRIPS]" → "key-grips". */
export function codeOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function row(fields: Partial<GoldenRow>): GoldenRow {
  return {
    occ_code: "",
    classification: "",
    schedule: "",
    hire: "daily",
    hourly: "",
    daily: "",
    weekly: "",
    daily_hours: "",
    weekly_hours: "",
    effective_from: "",
    effective_to: "",
    page: "",
    since: "",
    ...fields,
  };
}

function asaRows(
  text: string,
  f: { rateSet: string; category: string; extra?: AsaExtraTable[] },
): GoldenRow[] {
  const out: GoldenRow[] = [];
  for (const r of parseCsv(text)) {
    if (!r.amount) continue;
    const extra = f.extra?.find((t) => t.rateSet === r.rate_set && t.category === r.category);
    if (!extra && (r.rate_set !== f.rateSet || r.category !== f.category)) continue;
    // pp.1-2 print grade tables (Key/Second/Third/Utility) and the APOCs and ADCs table (one row,
    // no grade); pp.3-18 the crafts.
    const isGrade = r.grade !== "";
    const label = r.classification!;
    out.push(
      row({
        occ_code: isGrade ? `grade-${codeOf(label)}` : codeOf(label),
        classification: isGrade
          ? `${label} (grade table)`
          : extra
            ? `${label} Employed in Television, All ASA-Covered Geographic Areas (p.${r.page!} table)`
            : label,
        schedule: isGrade ? "Grade table" : extra ? "Summary table" : "Appendix A",
        hire: "daily",
        hourly: r.amount,
        effective_from: r.effective_from!,
        effective_to: r.effective_to!,
        page: r.page!,
        since: extra?.since ?? "",
      }),
    );
  }
  return out;
}

function lbtRows(text: string, f: { tier: string; citySet: string }): GoldenRow[] {
  const out: GoldenRow[] = [];
  for (const r of parseCsv(text)) {
    if (r.tier !== f.tier || r.city_set !== f.citySet || !r.amount) continue;
    const label = r.classification!;
    const weekly = r.unit === "week";
    const hours = /\((\d+(?:\.\d+)?) hr\/w/.exec(label)?.[1];
    out.push(
      row({
        occ_code: codeOf(label),
        classification: label,
        schedule: `Appendix ${r.appendix!} ${weekly ? "weekly" : "hourly"}`,
        hire: weekly ? (/on call/i.test(label) ? "on-call" : "weekly") : "daily",
        hourly: weekly ? "" : r.amount,
        weekly: weekly ? r.amount : "",
        weekly_hours: weekly && hours ? hours : "",
        effective_from: r.effective_from!,
        effective_to: r.effective_to!,
        page: r.page!,
      }),
    );
  }
  return out;
}

function local52Rows(text: string, f: { category: string }): GoldenRow[] {
  const out: GoldenRow[] = [];
  for (const r of parseCsv(text)) {
    if (r.category !== f.category || !r.amount || r.unit !== "day") continue;
    const label = `${r.department!}: ${r.classification!}`;
    out.push(
      row({
        occ_code: codeOf(label),
        classification: label,
        schedule: "Part A daily",
        hire: "daily",
        daily: r.amount,
        effective_from: r.effective_from!,
        effective_to: r.effective_to!,
        page: r.page!,
      }),
    );
  }
  return out;
}

/** The golden rows of one scale book taken from an incoming book. */
export function incomingRows(text: string, filter: IncomingFilter): GoldenRow[] {
  switch (filter.format) {
    case "asa":
      return asaRows(text, filter);
    case "lbt":
      return lbtRows(text, filter);
    case "local-52":
      return local52Rows(text, filter);
  }
}
