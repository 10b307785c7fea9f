/**
 * Budget-wide sums in one pass over the lines, for the formulas that would otherwise read every
 * line once per result (the topsheet's per-account sums, each line's wages to date for its
 * person): linear in the budget's size in any spreadsheet. Pure: cells in, cells out; the CREW
 * functions are the adapters (CREW.ACCOUNTSUMS and CREW.ACCOUNTSUM, CREW.WAGESBEFORE).
 *
 * A summed cell that shows an error arrives as `ERROR_MARK` (the formula passes the column through
 * IFERROR), so both hosts hand over the same values whatever they do with error cells in ranges.
 */
import { dollarsToCents, centsToDollars } from "./money";

/** What an error cell of a summed column arrives as: `IFERROR(range, "#ERROR")`. */
export const ERROR_MARK = "#ERROR";

/** Most lines one call reads: a pass over them stays well under 100 ms. */
export const MAX_ROLLUP_LINES = 200_000;

export type RollupCell = string | number | boolean | null | undefined;

/** The account key a line rolls up to under an "NN00" topsheet account: its first two characters + "00". */
function rollupKey(account: string): string {
  return `${account.slice(0, 2)}00`;
}

/** A topsheet key that collects a whole account series: "3300" takes 3301, 3304 and "3300". */
function isSeriesKey(key: string): boolean {
  return /^\d\d00$/.test(key);
}

function cellText(cell: RollupCell): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

function isBlank(cell: RollupCell): boolean {
  return cell === null || cell === undefined || cell === "";
}

/** One sum: cents, and the errors met (count and the first line's index). */
interface Tally {
  cents: number;
  errors: number;
  firstError: number;
}

function add(tally: Tally | undefined, value: RollupCell, line: number): Tally {
  const t = tally ?? { cents: 0, errors: 0, firstError: -1 };
  if (value === ERROR_MARK) {
    if (t.errors === 0) t.firstError = line;
    t.errors += 1;
  } else if (typeof value === "number" && Number.isFinite(value)) {
    t.cents += dollarsToCents(value);
  }
  // Anything else ("" on a line whose role was cleared, text) adds nothing, as SUM would.
  return t;
}

/** A checked sum's cell: the dollars, or which row holds the first error ("Error in Budget row 12 and 1 more"). */
function tallyCell(tally: Tally | undefined, firstRow: number, where: string): number | string {
  if (!tally) return 0;
  if (tally.errors === 0) return centsToDollars(tally.cents);
  const more = tally.errors > 1 ? ` and ${tally.errors - 1} more` : "";
  return `Error in ${where} ${firstRow + tally.firstError}${more}`;
}

/** What an account sums text starts with, so a cell holding anything else is refused. */
export const ACCOUNT_SUMS_MARK = "CrewRate account sums ";

/** The account sums text: each account (lower case) and each "NN00" series with its tally. */
interface AccountSums {
  /** The sheet row of the lines' first cell. */
  r: number;
  /** By series key ("3300"): [cents, errors, first error index]. */
  s: Record<string, [number, number, number]>;
  /** By account, lower case. */
  a: Record<string, [number, number, number]>;
}

function packed(tallies: Map<string, Tally>): Record<string, [number, number, number]> {
  const out: Record<string, [number, number, number]> = {};
  for (const [key, t] of tallies) out[key] = [t.cents, t.errors, t.firstError];
  return out;
}

/**
 * Every account's and account series' sum of `values` over the crew lines (a non-blank role), in
 * one pass, as one text the topsheet's account rows read (accountSum): the grouping costs one
 * pass over the budget instead of one per account, and the cells stay plain cells (no spill), so
 * every spreadsheet shows their saved values.
 * @param firstRow the sheet row of the lines' first cell, for the row a message names
 */
export function accountSums(
  accounts: readonly RollupCell[],
  roles: readonly RollupCell[],
  values: readonly RollupCell[],
  firstRow: number,
): string {
  const series = new Map<string, Tally>();
  const exact = new Map<string, Tally>();
  const n = Math.min(accounts.length, roles.length, values.length);
  for (let i = 0; i < n; i++) {
    if (isBlank(roles[i])) continue;
    const account = cellText(accounts[i]).trim();
    const s = rollupKey(account);
    series.set(s, add(series.get(s), values[i], i));
    const e = account.toLowerCase();
    exact.set(e, add(exact.get(e), values[i], i));
  }
  const sums: AccountSums = { r: firstRow, s: packed(series), a: packed(exact) };
  return ACCOUNT_SUMS_MARK + JSON.stringify(sums);
}

/** The last few account sums texts read, parsed: the topsheet reads each one once per account. */
const parsed = new Map<string, AccountSums>();
const PARSED_LIMIT = 8;

function readSums(text: string): AccountSums | undefined {
  const hit = parsed.get(text);
  if (hit) return hit;
  if (!text.startsWith(ACCOUNT_SUMS_MARK)) return undefined;
  let sums: AccountSums;
  try {
    sums = JSON.parse(text.slice(ACCOUNT_SUMS_MARK.length)) as AccountSums;
  } catch {
    return undefined;
  }
  if (typeof sums !== "object" || sums === null || typeof sums.r !== "number") return undefined;
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, sums);
  return sums;
}

/**
 * One account's checked sum from an account sums text: an "NN00" key takes every account
 * starting with its two digits, "*" every crew line, another key its own account (ignoring
 * case). The dollars, or which row holds an error ("Error in Budget row 12 and 1 more");
 * undefined for a text that is not account sums.
 */
export function accountSum(
  sums: string,
  account: RollupCell,
  where = "Budget row",
): number | string | undefined {
  const read = readSums(sums);
  if (!read) return undefined;
  const key = cellText(account).trim();
  if (key === "") return "";
  if (key === ALL_ACCOUNTS) return tallyCell(allLines(read), read.r, where);
  const t = isSeriesKey(key) ? read.s[key] : read.a[key.toLowerCase()];
  return tallyCell(t && { cents: t[0], errors: t[1], firstError: t[2] }, read.r, where);
}

/** Every crew line's tally: each line is in exactly one series, so the series add up to it. */
function allLines(sums: AccountSums): Tally | undefined {
  let all: Tally | undefined;
  for (const [cents, errors, firstError] of Object.values(sums.s)) {
    const t = all ?? { cents: 0, errors: 0, firstError: -1 };
    t.cents += cents;
    if (errors > 0 && (t.errors === 0 || firstError < t.firstError)) t.firstError = firstError;
    t.errors += errors;
    all = t;
  }
  return all;
}

/** The key that means every crew line, whatever its account: the topsheet's crew total. */
export const ALL_ACCOUNTS = "*";

/** Whether a line's account rolls up to `key`: the rule accountSums groups by, for linesSum. */
function rollsUpTo(account: string, key: string): boolean {
  return isSeriesKey(key)
    ? rollupKey(account) === key
    : account.toLowerCase() === key.toLowerCase();
}

/**
 * A checked sum of `values` over the crew lines (a non-blank role) that roll up to `account`
 * ("3300" takes 3301 and 3304, "*" or blank every line), in one pass: the dollars, or which row
 * holds an error ("Error in row 12 and 1 more"). A budget's subtotal and totals rows: the same
 * answer as a SUMPRODUCT with ISERROR and MATCH, which reads the lines five times per cell.
 * @param firstRow the sheet row of the lines' first cell, for the row a message names
 */
export function linesSum(
  accounts: readonly RollupCell[],
  roles: readonly RollupCell[],
  values: readonly RollupCell[],
  firstRow: number,
  account: RollupCell = ALL_ACCOUNTS,
): number | string {
  const key = cellText(account).trim() || ALL_ACCOUNTS;
  let tally: Tally | undefined;
  const n = Math.min(roles.length, values.length);
  for (let i = 0; i < n; i++) {
    if (isBlank(roles[i])) continue;
    if (key !== ALL_ACCOUNTS && !rollsUpTo(cellText(accounts[i]).trim(), key)) continue;
    tally = add(tally, values[i], i);
  }
  return tallyCell(tally, firstRow, "row");
}

/**
 * Whether any crew line rolls up to `account` in an account sums text (the rule accountSum
 * follows): the topsheet shows only those accounts when the producer asks for it. Undefined for a
 * text that is not account sums.
 */
export function accountHasLines(sums: string, account: RollupCell): boolean | undefined {
  const read = readSums(sums);
  if (!read) return undefined;
  const key = cellText(account).trim();
  if (key === "") return false;
  return (isSeriesKey(key) ? read.s[key] : read.a[key.toLowerCase()]) !== undefined;
}

/** Who a line pays, as wages to date compare people: ignoring case and surrounding spaces. */
export function personKey(person: RollupCell): string {
  return cellText(person).trim().toLowerCase();
}

/**
 * Each line's wages to date: the sum of the Subtotals of the lines above it that name the same
 * person (blank person: 0), so yearly caps hold across a person's prep, shoot and wrap lines. An
 * earlier line of the same person showing an error makes the later ones' wages unknown: their
 * cell is `{ errorLine }` (the index of that earlier line), for the adapter to say so.
 */
export function wagesBefore(
  persons: readonly RollupCell[],
  subtotals: readonly RollupCell[],
): (number | { errorLine: number })[] {
  const sums = new Map<string, Tally>();
  return persons.map((person, i) => {
    const key = personKey(person);
    if (key === "") return 0;
    const tally = sums.get(key);
    const before =
      tally === undefined
        ? 0
        : tally.errors > 0
          ? { errorLine: tally.firstError }
          : centsToDollars(tally.cents);
    sums.set(key, add(tally, subtotals[i], i));
    return before;
  });
}
