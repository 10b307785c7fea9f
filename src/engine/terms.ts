/**
 * The terms of a request: names as people type them looked up on the card, units and dates read,
 * every default filled in, and the amounts checked. A table reader needs these as much as a quote.
 * Failures are returned as RateErrors (see errors.ts).
 */
import type { CardIndex } from "./cardIndex";
import { RateError, assert, isRateError } from "./errors";
import { dollarsToCents } from "./money";
import type { Agreement, Department, QuoteRequest, Region, Role, Tier, Unit } from "./types";
import { UNITS } from "./types";

export const MAX_QUANTITY = 10_000;
const MAX_WAGES_TO_DATE_DOLLARS = 1_000_000_000;

export function findRole(index: CardIndex, query: string): Role | RateError {
  const role = index.roles.get(query);
  if (role) return role;
  return new RateError("UNKNOWN_ROLE", { input: query, suggestions: index.roles.suggest(query) });
}

export function findAgreement(index: CardIndex, text: string): Agreement | RateError {
  const found = index.agreements.get(text);
  if (found) return found;
  return new RateError("UNKNOWN_AGREEMENT", {
    input: text,
    suggestions: index.agreements.suggest(text),
  });
}

export function findRegion(index: CardIndex, text: string): Region | RateError {
  const found = index.regions.get(text);
  if (found) return found;
  return new RateError("UNKNOWN_REGION", { input: text, suggestions: index.regions.suggest(text) });
}

export function findTier(index: CardIndex, text: string): Tier | RateError {
  const found = index.tiers.get(text);
  if (found) return found;
  return new RateError("UNKNOWN_TIER", { input: text, suggestions: index.tiers.suggest(text) });
}

export function findDepartment(index: CardIndex, text: string): Department | RateError {
  const found = index.departments.get(text);
  if (found) return found;
  return new RateError("UNKNOWN_DEPARTMENT", {
    input: text,
    suggestions: index.departments.suggest(text),
  });
}

const UNIT_SPELLINGS: Record<string, Unit> = {
  hour: "hour",
  hours: "hour",
  hr: "hour",
  hrs: "hour",
  hourly: "hour",
  h: "hour",
  day: "day",
  days: "day",
  daily: "day",
  d: "day",
  week: "week",
  weeks: "week",
  weekly: "week",
  wk: "week",
  wks: "week",
  w: "week",
  flat: "flat",
  allin: "flat",
  fee: "flat",
};

export function parseUnit(text: string): Unit | RateError {
  const unit = UNIT_SPELLINGS[text.toLowerCase().replace(/[^a-z]/g, "")];
  if (unit) return unit;
  return new RateError("UNKNOWN_UNIT", { input: text, suggestions: [...UNITS] });
}

/** Dates as YYYY-MM-DD, within the years any budget could mean. */
export function checkDate(text: string): string | RateError {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [, y, mo, d] = m;
    const year = Number(y);
    const date = new Date(Date.UTC(year, Number(mo) - 1, Number(d)));
    if (year >= 1990 && year <= 2100 && date.toISOString().slice(0, 10) === text) return text;
  }
  return new RateError("BAD_DATE", { input: text });
}

/**
 * The agreement that customarily covers a role at a tier in a region: its first union scale that
 * applies there at union tiers, otherwise non-union.
 */
export function defaultAgreement(
  index: CardIndex,
  role: Role,
  tier: Tier,
  region: Region,
): Agreement {
  const { meta } = index.card;
  if (role.production) {
    const own = index.agreementById.get(role.production.agreement);
    if (own) return own;
  }
  if (meta.unionTiers.includes(tier.id)) {
    for (const ref of role.scales) {
      const book = index.books.get(ref.agreement);
      if (!book || !(book.regions.includes("*") || book.regions.includes(region.id))) continue;
      const agreement = index.agreementById.get(book.agreement);
      if (agreement) return agreement;
    }
  }
  const nonUnion = index.agreementById.get("non-union");
  assert(nonUnion, "the card has no non-union agreement");
  return nonUnion;
}

/**
 * The agreement a quote of `req` uses when it names none, from the request's role, region and tier
 * (the card's defaults where it gives none); its other terms play no part.
 */
export function defaultAgreementFor(
  index: CardIndex,
  req: Pick<QuoteRequest, "role" | "region" | "tier">,
): Agreement | RateError {
  const { defaults } = index.card.meta;
  const role = findRole(index, req.role);
  if (isRateError(role)) return role;
  const region = findRegion(index, req.region ?? defaults.region);
  if (isRateError(region)) return region;
  const tier = findTier(index, req.tier ?? defaults.tier);
  if (isRateError(tier)) return tier;
  return defaultAgreement(index, role, tier, region);
}

/** The terms of a request (everything but the amounts), every default filled in and checked. */
export interface ResolvedTerms {
  role: Role;
  unit: Unit;
  agreement: Agreement;
  region: Region;
  tier: Tier;
  date: string;
  hoursPerDay: number | undefined;
  daysPerWeek: number;
}

/** The request's terms, or the first of them that does not check out. */
export function resolveTerms(index: CardIndex, req: QuoteRequest): ResolvedTerms | RateError {
  const { meta } = index.card;
  const role = findRole(index, req.role);
  if (isRateError(role)) return role;
  const unit = req.unit === undefined ? meta.defaults.unit : parseUnit(req.unit);
  if (isRateError(unit)) return unit;
  const region = findRegion(index, req.region ?? meta.defaults.region);
  if (isRateError(region)) return region;
  const tier = findTier(index, req.tier ?? meta.defaults.tier);
  if (isRateError(tier)) return tier;
  const agreement =
    req.agreement === undefined
      ? defaultAgreement(index, role, tier, region)
      : findAgreement(index, req.agreement);
  if (isRateError(agreement)) return agreement;
  const date = req.date === undefined ? meta.defaultDate : checkDate(req.date);
  if (isRateError(date)) return date;
  const { hoursPerDay } = req;
  if (hoursPerDay !== undefined && !(hoursPerDay >= 1 && hoursPerDay <= 24)) {
    return new RateError("BAD_HOURS", { input: String(hoursPerDay) });
  }
  const daysPerWeek = req.daysPerWeek ?? 5;
  if (!(daysPerWeek === 5 || daysPerWeek === 6 || daysPerWeek === 7)) {
    return new RateError("BAD_DAYS", { input: String(req.daysPerWeek) });
  }
  return { role, unit, agreement, region, tier, date, hoursPerDay, daysPerWeek };
}

/** The amounts of a request (quantity, wages to date), checked. */
export interface Amounts {
  quantity: number;
  wagesToDateCents: number;
}

export function checkAmounts(req: QuoteRequest): Amounts | RateError {
  const quantity = req.quantity ?? 1;
  if (!(quantity >= 0 && quantity <= MAX_QUANTITY)) {
    return new RateError("BAD_QUANTITY", { input: String(req.quantity) });
  }
  const wages = req.wagesToDate ?? 0;
  if (!(wages >= 0 && wages <= MAX_WAGES_TO_DATE_DOLLARS)) {
    return new RateError("BAD_WAGES", { input: String(req.wagesToDate) });
  }
  return { quantity, wagesToDateCents: dollarsToCents(wages) };
}
