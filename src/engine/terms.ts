/**
 * The terms of a request: names as people type them looked up on the card, units and dates read,
 * every default filled in, and the amounts checked. A table reader needs these as much as a quote.
 * Failures are returned as RateErrors (see errors.ts).
 */
import { classificationKey, type BookGroup, type CardIndex } from "./cardIndex";
import { bookApplies, unionCoverage } from "./coverage";
import { RateError, assert, isRateError } from "./errors";
import { fringeApplies } from "./fringes";
import { dollarsToCents } from "./money";
import { editDistance, normalizeName, type NameMatch } from "./names";
import type {
  Agreement,
  Classification,
  Department,
  HealthContribution,
  QuoteRequest,
  Region,
  Role,
  ScaleBook,
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

/**
 * A classification the producer named for a line in its Agreement: the book's agreement prices
 * the line, on that classification's schedules rather than the role's own.
 */
export interface ClassificationPick {
  /** The Agreement text as typed ("Local 728 #5411"). */
  text: string;
  agreement: Agreement;
  book: ScaleBook;
  classification: Classification;
  /**
   * A schedule of the classification named after its code ("Local 600 #1941 C-1"), as the card
   * labels it; undefined: each kind of hire takes its first schedule in force, as for a role.
   */
  schedule?: string | undefined;
}

/**
 * Reads a classification named in an Agreement, in one of two forms: `<book> #<code>` ("Local
 * 700 #4171", "ASA TV Long-Form #grade-key") or `<book>: <title>` ("Local 700: Asst. Editor 1st
 * 6 months Z-6a"), code and title as the book prints them, ignoring case (and, for a title, spaces
 * and punctuation). `<book>` is an agreement's name or alias (its books), a book's id or name, or
 * a local ("Local 700", "IATSE Local 80": every book of that local). Where the code or title is in
 * more than one of those books, the one that applies in the line's region and tier is used, and
 * among those an agreement's own before a category a producer names (Local 52's theatrical book
 * before its television ones).
 * @returns the pick; a RateError when the book or the classification is not on the card, or the
 *   book does not apply in that region and tier; undefined when the text is not in this form
 */
export function findClassificationPick(
  index: CardIndex,
  text: string,
  region: Region,
  tier: Tier,
  roleTitle?: string,
): ClassificationPick | RateError | undefined {
  const at = { region, tier, roleTitle };
  const hash = text.lastIndexOf("#");
  if (hash >= 0) {
    const left = text.slice(0, hash).trim();
    // No printed code holds a space: what follows the code names one of its schedules.
    const [code = "", ...rest] = text
      .slice(hash + 1)
      .trim()
      .split(/\s+/);
    const schedule = rest.join(" ").replace(/^schedule\s+/i, "") || undefined;
    const group = left ? index.bookGroups.get(left) : undefined;
    if (group && code) {
      const pick = pickIn(index, text, group, { code }, at);
      return schedule === undefined || isRateError(pick) ? pick : withSchedule(pick, schedule);
    }
  }
  for (let i = text.indexOf(":"); i > 0; i = text.indexOf(":", i + 1)) {
    const group = index.bookGroups.get(text.slice(0, i).trim());
    const title = text.slice(i + 1).trim();
    if (group && title) return pickIn(index, text, group, { title }, at);
  }
  if (hash > 0) {
    const left = text.slice(0, hash).trim();
    return new RateError("UNKNOWN_AGREEMENT", {
      input: left,
      suggestions: index.bookGroups.suggest(left),
    });
  }
  return undefined;
}

/**
 * The pick priced on one of its classification's schedules, the label matched ignoring case and
 * spaces ("c-1", "C 1"); else UNKNOWN_SCHEDULE listing the schedules the book prints for it.
 */
function withSchedule(pick: ClassificationPick, typed: string): ClassificationPick | RateError {
  const squash = (label: string) => label.toLowerCase().replace(/[\s-]+/g, "");
  const { classification } = pick;
  const schedule = classification.schedules.find((s) => squash(s.label) === squash(typed));
  if (schedule) return { ...pick, schedule: schedule.label };
  return new RateError("UNKNOWN_SCHEDULE", {
    input: typed,
    agreement: `${classification.title} (${classification.code}) in the ${pick.book.name}`,
    suggestions: [...new Set(classification.schedules.map((s) => s.label))],
  });
}

type ClassificationWanted =
  { code: string; title?: undefined } | { title: string; code?: undefined };

function classificationIn(
  index: CardIndex,
  book: ScaleBook,
  wanted: ClassificationWanted,
): Classification | undefined {
  if (wanted.title !== undefined) {
    const key = classificationKey(book.id, normalizeName(wanted.title));
    return index.classificationTitles.get(key)?.classification;
  }
  const code = wanted.code.toLowerCase();
  return book.classifications.find((c) => c.code.toLowerCase() === code);
}

function pickIn(
  index: CardIndex,
  text: string,
  group: BookGroup,
  wanted: ClassificationWanted,
  at: { region: Region; tier: Tier; roleTitle: string | undefined },
): ClassificationPick | RateError {
  const { region, tier } = at;
  const pickable = group.books.filter((b) => !index.referenceBooks.has(b.id));
  const hits: { book: ScaleBook; classification: Classification; agreement: Agreement }[] = [];
  for (const book of pickable) {
    const classification = classificationIn(index, book, wanted);
    const agreement = index.agreementById.get(book.agreement);
    if (classification && agreement) hits.push({ book, classification, agreement });
  }
  const applying = hits.filter((h) => bookApplies(index, h.book, region.id, tier.id));
  const best = applying.find((h) => !h.agreement.chosenOnly) ?? applying[0];
  if (best) return { text, ...best };
  const typed = wanted.code === undefined ? wanted.title : `#${wanted.code}`;
  const first = hits[0];
  if (first) {
    const where = first.book.regions
      .map((id) => (id === "*" ? "every region" : (index.regionById.get(id)?.name ?? id)))
      .join(", ");
    const tiers = (first.book.tiers ?? [index.card.meta.defaults.tier])
      .map((id) => index.tierById.get(id)?.name ?? id)
      .join(", ");
    return new RateError("NO_RATE", {
      role: at.roleTitle ?? `${first.classification.title} (${first.classification.code})`,
      agreement: `${first.agreement.name} (${first.classification.code} ${first.classification.title})`,
      region: region.name,
      reason: `the ${first.book.name} applies in ${where} (${tiers}), not in ${region.name} at ${tier.name}; set the line's Region to where the crew is hired to keep its home agreement, or pick a classification of a book that applies here`,
    });
  }
  if (group.books.length > 0 && pickable.length === 0) {
    return new RateError("NO_RATE", {
      role: at.roleTitle ?? typed,
      agreement: `${group.label} ${typed}`,
      reason: `the ${group.books[0]!.name} is on the card for reference only: the book assigns no craft to its grades, so no line is priced on it; give its figure in a Rate Overrides line`,
    });
  }
  const inRegion = pickable.filter((b) => bookApplies(index, b, region.id, tier.id));
  return new RateError("UNKNOWN_CLASSIFICATION", {
    input: typed,
    agreement: group.label,
    suggestions: closestClassifications(inRegion.length > 0 ? inRegion : pickable, wanted),
  });
}

/** The classifications of `books` closest to what was typed, as "Title (#code)", best first. */
function closestClassifications(
  books: readonly ScaleBook[],
  wanted: ClassificationWanted,
  count = 3,
): string[] {
  const typed = normalizeName(wanted.code ?? wanted.title);
  const scored = new Map<string, number>();
  for (const book of books) {
    for (const c of book.classifications) {
      const label = `${c.title} (#${c.code})`;
      const key = normalizeName(wanted.code === undefined ? c.title : c.code);
      let score = editDistance(typed, key, 12);
      if (key.startsWith(typed) || typed.startsWith(key)) score = Math.min(score, 1);
      else if (typed.length >= 3 && key.includes(typed)) score = Math.min(score, 2);
      if (score <= Math.max(2, Math.ceil(typed.length / 2))) {
        scored.set(label, Math.min(score, scored.get(label) ?? Infinity));
      }
    }
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([label]) => label);
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
  /** Set when the Agreement named a classification ("Local 728 #5411"): the line is priced on it. */
  pick?: ClassificationPick | undefined;
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
  const named = defaulted
    ? undefined
    : agreementOrPick(index, req.agreement!, region, tier, role.title);
  if (isRateError(named)) return named;
  const agreement = defaulted ? defaulted.agreement : named!.agreement;
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
  if (named?.pick) terms.pick = named.pick;
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
 * An Agreement as typed: an agreement by name or alias, else a classification named in it
 * ("Local 728 #5411", see `findClassificationPick`), else UNKNOWN_AGREEMENT.
 */
function agreementOrPick(
  index: CardIndex,
  text: string,
  region: Region,
  tier: Tier,
  roleTitle: string,
): { agreement: Agreement; pick?: ClassificationPick } | RateError {
  const agreement = index.agreements.get(text);
  if (agreement) return { agreement };
  const pick = findClassificationPick(index, text, region, tier, roleTitle);
  if (isRateError(pick)) return pick;
  if (pick) return { agreement: pick.agreement, pick };
  const unknown = findAgreement(index, text);
  return isRateError(unknown) ? unknown : { agreement: unknown };
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
