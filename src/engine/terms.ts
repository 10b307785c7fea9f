/**
 * The terms of a request: names as people type them looked up on the card, units and dates read,
 * every default filled in, and the amounts checked. A table reader needs these as much as a quote.
 * Failures are returned as RateErrors (see errors.ts).
 */
import type { CardIndex } from "./cardIndex";
import { unionCoverage } from "./coverage";
import { RateError, assert, isRateError } from "./errors";
import { fringeApplies } from "./fringes";
import { dollarsToCents } from "./money";
import type { NameMatch } from "./names";
import type {
  Agreement,
  Department,
  HealthContribution,
  QuoteRequest,
  Region,
  Role,
  Tier,
  Unit,
} from "./types";
import { DEFAULT_HEALTH_CONTRIBUTION, HEALTH_CONTRIBUTIONS, UNITS } from "./types";

export const MAX_QUANTITY = 10_000;
const MAX_WAGES_TO_DATE_DOLLARS = 1_000_000_000;

/**
 * A role by id, title or alias, or by a title as crew lists write it (see `NameIndex.match`): what
 * `findRole` resolves, with how it was read.
 */
export function matchRole(index: CardIndex, query: string): NameMatch<Role> | RateError {
  const found = index.roles.match(query);
  if (found) return found;
  return new RateError("UNKNOWN_ROLE", {
    input: query,
    suggestions: index.roles.suggestByMeaning(query).map((role) => role.title),
  });
}

export function findRole(index: CardIndex, query: string): Role | RateError {
  const found = matchRole(index, query);
  return isRateError(found) ? found : found.value;
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
  perhour: "hour",
  h: "hour",
  day: "day",
  days: "day",
  daily: "day",
  perday: "day",
  d: "day",
  week: "week",
  weeks: "week",
  weekly: "week",
  perweek: "week",
  wk: "week",
  wks: "week",
  w: "week",
  // A month and an episode are derived from the week (units.ts). "m" and "e" are not read: a
  // bare "m" is as often minutes.
  month: "month",
  months: "month",
  monthly: "month",
  mo: "month",
  mos: "month",
  mth: "month",
  mths: "month",
  permonth: "month",
  episode: "episode",
  episodes: "episode",
  episodic: "episode",
  ep: "episode",
  eps: "episode",
  epi: "episode",
  perepisode: "episode",
  perep: "episode",
  flat: "flat",
  flats: "flat",
  allin: "flat",
  fee: "flat",
  fees: "flat",
  flatfee: "flat",
  // Movie Magic's "Allow": an amount, priced as a flat line (README, Units).
  allow: "flat",
  allows: "flat",
  allowance: "flat",
  allowances: "flat",
};

export function parseUnit(text: string): Unit | RateError {
  const unit = UNIT_SPELLINGS[text.toLowerCase().replace(/[^a-z]/g, "")];
  if (unit) return unit;
  return new RateError("UNKNOWN_UNIT", { input: text, suggestions: [...UNITS] });
}

/**
 * How the two health contribution levels are written: the level's name, and the agreement's own
 * words for each ("Premium Rate", "Basic Rate", "$15 Million Contributor"), ignoring case, spaces
 * and punctuation ("$15M contributor" is "15mcontributor").
 */
const HEALTH_CONTRIBUTION_SPELLINGS: Record<string, HealthContribution> = {
  independent: "independent",
  independentproducer: "independent",
  indie: "independent",
  premium: "independent",
  premiumrate: "independent",
  non15mcontributor: "independent",
  not15mcontributor: "independent",
  nota15mcontributor: "independent",
  contributor: "contributor",
  "15mcontributor": "contributor",
  "15millioncontributor": "contributor",
  basic: "contributor",
  basicrate: "contributor",
};

/** A health contribution level as typed ("independent", "$15M contributor", "Basic Rate"...). */
export function parseHealthContribution(text: string): HealthContribution | RateError {
  const level = HEALTH_CONTRIBUTION_SPELLINGS[text.toLowerCase().replace(/[^a-z0-9]/g, "")];
  if (level) return level;
  return new RateError("UNKNOWN_HEALTH_CONTRIBUTION", {
    input: text,
    suggestions: [...HEALTH_CONTRIBUTIONS],
  });
}

/**
 * A date typed as text, as YYYY-MM-DD: ISO ("2025-01-15") or US month/day/year ("1/15/2025",
 * "01/15/2025"), within the years any budget could mean. Day/month/year is not guessed at: "3/4"
 * means March 4 in a US budget, so only the US order is read.
 */
export function checkDate(text: string): string | RateError {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : undefined;
  if (parts) {
    const [year, month, day] = parts.map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    const out = date.toISOString().slice(0, 10);
    const pad = (n: number) => String(n).padStart(2, "0");
    if (year >= 1990 && year <= 2100 && out === `${year}-${pad(month)}-${pad(day)}`) return out;
  }
  return new RateError("BAD_DATE", { input: text });
}

/**
 * The agreement that customarily covers a role at a tier in a region on a date: its first union
 * scale that applies there and then (see coverage.ts), otherwise non-union.
 */
export function defaultAgreement(
  index: CardIndex,
  role: Role,
  tier: Tier,
  region: Region,
  date: string = index.card.meta.defaultDate,
): Agreement {
  return defaultAgreementWithReason(index, role, tier, region, date).agreement;
}

/** `defaultAgreement`, with the reason when it falls back to non-union. */
export function defaultAgreementWithReason(
  index: CardIndex,
  role: Role,
  tier: Tier,
  region: Region,
  date: string,
): { agreement: Agreement; nonUnionReason: string | undefined } {
  if (role.production) {
    const own = index.agreementById.get(role.production.agreement);
    if (own) return { agreement: own, nonUnionReason: undefined };
  }
  const covered = unionCoverage(index, role, tier, region, date);
  if (covered.agreement) return { agreement: covered.agreement, nonUnionReason: undefined };
  const nonUnion = index.agreementById.get("non-union");
  assert(nonUnion, "the card has no non-union agreement");
  return { agreement: nonUnion, nonUnionReason: covered.reason };
}

/**
 * The agreement a quote of `req` uses when it names none, from the request's role, region and tier
 * (the card's defaults where it gives none); its other terms play no part.
 */
export function defaultAgreementFor(
  index: CardIndex,
  req: Pick<QuoteRequest, "role" | "region" | "tier"> & { date?: string | undefined },
): Agreement | RateError {
  const { defaults } = index.card.meta;
  const role = findRole(index, req.role);
  if (isRateError(role)) return role;
  const region = findRegion(index, req.region ?? defaults.region);
  if (isRateError(region)) return region;
  const tier = findTier(index, req.tier ?? defaults.tier);
  if (isRateError(tier)) return tier;
  const date = req.date === undefined ? index.card.meta.defaultDate : checkDate(req.date);
  if (isRateError(date)) return date;
  return defaultAgreement(index, role, tier, region, date);
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
  /** The producer's MPI health contribution level (default: independent). */
  healthContribution: HealthContribution;
  /** Set when the agreement was left to its default and fell back to non-union: why. */
  nonUnionReason?: string | undefined;
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
  const date = req.date === undefined ? meta.defaultDate : checkDate(req.date);
  if (isRateError(date)) return date;
  const defaulted =
    req.agreement === undefined
      ? defaultAgreementWithReason(index, role, tier, region, date)
      : undefined;
  const agreement = defaulted ? defaulted.agreement : findAgreement(index, req.agreement!);
  if (isRateError(agreement)) return agreement;
  const { hoursPerDay } = req;
  if (hoursPerDay !== undefined && !(hoursPerDay >= 1 && hoursPerDay <= 24)) {
    return new RateError("BAD_HOURS", { input: String(hoursPerDay) });
  }
  const daysPerWeek = req.daysPerWeek ?? 5;
  if (!(daysPerWeek === 5 || daysPerWeek === 6 || daysPerWeek === 7)) {
    return new RateError("BAD_DAYS", { input: String(req.daysPerWeek) });
  }
  const healthContribution =
    req.healthContribution === undefined
      ? DEFAULT_HEALTH_CONTRIBUTION
      : parseHealthContribution(req.healthContribution);
  if (isRateError(healthContribution)) return healthContribution;
  const terms: ResolvedTerms = {
    role,
    unit,
    agreement,
    region,
    tier,
    date,
    hoursPerDay,
    daysPerWeek,
    healthContribution,
  };
  if (defaulted?.nonUnionReason) terms.nonUnionReason = defaulted.nonUnionReason;
  const fringesFrom = fringesStart(index, terms);
  if (fringesFrom !== undefined) {
    return new RateError("NO_RATE", {
      role: role.title,
      agreement: agreement.name,
      region: region.name,
      unit,
      date,
      reason: `the card's fringes for it start on ${fringesFrom}, so a quote dated before then would leave them out; date it ${fringesFrom} or later`,
    });
  }
  return terms;
}

/**
 * When `terms.date` is before the first period of a fringe that applies to the terms, the date
 * from which all of them do: quoting earlier would silently carry $0 for those fringes.
 */
function fringesStart(index: CardIndex, terms: ResolvedTerms): string | undefined {
  const { agreement, region, tier, date, healthContribution } = terms;
  const on = {
    agreementId: agreement.id,
    regionId: region.id,
    tierId: tier.id,
    healthContribution,
  };
  let start: string | undefined;
  for (const f of index.card.fringes) {
    if (!fringeApplies(f, on)) continue;
    const first = f.periods.reduce<string | undefined>(
      (m, p) => (m === undefined || p.from < m ? p.from : m),
      undefined,
    );
    if (first !== undefined && date < first && (start === undefined || first > start)) {
      start = first;
    }
  }
  return start;
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
