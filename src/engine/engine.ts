import { classificationKey, indexCard, type CardIndex } from "./cardIndex";
import { RateError, isRateError, orThrow } from "./errors";
import { describeTitleReading, explainQuote, quoteSources } from "./explain";
import {
  classificationChoices,
  listRates,
  type ClassificationGroup,
  type RateListing,
} from "./describe";
import { normalizeName, type MatchStep } from "./names";
import { PlanCache } from "./planCache";
import { planRate, priceLine, type RatePlan } from "./quote";
import { productionToken, readProduction, readProductionToken } from "./production";
import { RoleSearch } from "./search";
import {
  checkAmounts,
  checkDate,
  defaultAgreementFor,
  findAgreement,
  findDepartment,
  findRegion,
  findRole,
  findTier,
  parseHealthContribution,
  resolveTerms,
  type ResolvedTerms,
} from "./terms";
import { versionedCard } from "./versions";
import { classificationInForce, isPricingFailure, priceUnit } from "./scales";
import type {
  Agreement,
  Department,
  HealthContribution,
  Production,
  ProductionTables,
  Quote,
  QuoteRequest,
  RateCard,
  Region,
  Role,
  Tier,
  Unit,
} from "./types";
import { payHoursForDay } from "./workRules";

/**
 * How a typed title was placed on the card (see `RateEngine.matchTitle`): for a crew-list import,
 * the CLI's `crew match`, and anything that wants to show why a title found its role.
 */
export interface TitleMatch {
  /** The title as typed. */
  input: string;
  /** The role it resolves to, as `findRole` and every CREW function would; undefined if none. */
  role: Role | undefined;
  /** The card spelling (title or alias) it was matched to. */
  matched: string | undefined;
  /** What was done to place it, in order: ["exact"], or e.g. ["numbering", "abbreviation"]. */
  steps: MatchStep[];
  /** Unit, camera, hire and note words taken off: "2nd unit", "B camera", "local hire", "min 4 hrs". */
  qualifiers: string[];
  /** For a title it cannot place: roles it plausibly means, best first (may be none). */
  suggestions: Role[];
}

/** A quote with its explanation, made when first read (the hot path does not need the words). */
export interface ExplainedQuote extends Quote {
  readonly explanation: string;
  readonly sources: string[];
}

/**
 * Plans kept per generation, for an engine and every engine made from it (its versions and
 * productions share one cache), so at most twice this many are held: about 1.7 KB each, ~35 MB in
 * all. A workbook asks a few hundred distinct questions; a stream of one-off requests ages out.
 */
export const PLAN_CACHE_LIMIT = 10_000;
/** Workbooks' production tables kept parsed at once (a few workbooks open, a few edits back). */
export const PRODUCTION_CACHE_LIMIT = 16;

interface PlanEntry {
  terms: ResolvedTerms;
  plan: RatePlan;
}
/** A request's plan, or why it has none: what the plan cache keeps. */
export type PlanAnswer = PlanEntry | RateError;

/**
 * The rate engine over one rate card: every face of CrewRate (functions, pane, CLI) uses this. Its
 * constructor and methods are where a RateError is thrown; below it, failures are returned (see
 * errors.ts).
 */
export class RateEngine {
  readonly card: RateCard;
  private readonly index: CardIndex;
  private readonly roleSearch: RoleSearch;
  /** Plans by the request's terms as typed (see `plan`), shared with the engines made from this one. */
  private readonly plans: PlanCache<PlanAnswer>;
  private readonly versions = new Map<string, RateEngine>();
  private readonly productions = new Map<string, RateEngine | RateError>();

  /** Every version's figures, for `forVersion`; `card` holds only this version's. */
  private readonly allVersions: RateCard;
  /** The workbook tables this engine prices with (none for the card alone). */
  private readonly tables: ProductionTables | undefined;
  /** The production's own roles and overrides, checked against the card. */
  readonly production: Production | undefined;

  /**
   * @param card the rate card with every version's figures
   * @param tables a workbook's Rate Overrides and Production Roles rows
   * @param plans the plan cache to share: an engine's versions and productions use their
   *   parent's, so one bound holds for all of them (a new one when omitted)
   * @throws RateError BAD_TABLE when a table row does not check out
   */
  constructor(card: RateCard, tables?: ProductionTables, plans?: PlanCache<PlanAnswer>) {
    this.plans = plans ?? new PlanCache(PLAN_CACHE_LIMIT);
    this.allVersions = card;
    this.tables = tables;
    this.card = orThrow(versionedCard(card, card.meta.version));
    const cardIndex = indexCard(this.card);
    this.production = tables
      ? orThrow(
          readProduction(cardIndex, tables, (roles) => {
            const index = indexCard(this.card, { roles, overrides: new Map(), problems: [] });
            return {
              find: (name) => index.roles.get(name),
              suggest: (name) => index.roles.suggest(name),
            };
          }),
        )
      : undefined;
    this.index = this.production ? indexCard(this.card, this.production) : cardIndex;
    this.roleSearch = new RoleSearch(
      this.index.allRoles,
      (id) => this.index.departmentById.get(id)?.name ?? id,
    );
  }

  /** The card's roles, then the production's own. */
  get roles(): readonly Role[] {
    return this.index.allRoles;
  }

  /**
   * The engine with a workbook's Rate Overrides and Production Roles: overrides win over the
   * card, production roles are found, searched and priced like card roles. Cached by content.
   * @throws RateError BAD_TABLE naming the table line that does not check out
   */
  withProduction(tables: ProductionTables): RateEngine {
    // Strict, for the pane and the CLI checking tables before they write or price: the first
    // line that does not check out is thrown. Spreadsheets use withProductionToken, where such a
    // line stops only the crew lines it would price.
    const engine = this.withProductionToken(productionToken(tables));
    const [problem] = engine.tableProblems;
    if (problem) throw problem;
    return engine;
  }

  /**
   * `withProduction` for the text of a workbook's production tables cell (`=CREW.TABLES(...)`);
   * blank means none. The hot path for spreadsheets: one map lookup per call. A table line that
   * does not check out does not throw here: it stops only its role's crew lines (tableProblems).
   * @throws RateError BAD_TABLE when the text is not a production tables cell
   */
  withProductionToken(token: string | undefined): RateEngine {
    if (token === undefined || token === "") return this;
    let found = this.productions.get(token);
    if (found === undefined) {
      const tables = readProductionToken(token);
      found = isRateError(tables) ? tables : this.engineWith(tables);
      if (this.productions.size >= PRODUCTION_CACHE_LIMIT) this.productions.clear();
      this.productions.set(token, found);
    }
    return orThrow(found);
  }

  /**
   * An engine over this version's card with a workbook's tables (this one when they are empty),
   * or why the tables do not check out. The engine's one catch of a RateError: the constructor is
   * public, so it throws (see errors.ts).
   */
  private engineWith(tables: ProductionTables): RateEngine | RateError {
    if (tables.overrides.length === 0 && tables.roles.length === 0) return this;
    try {
      return new RateEngine(this.versionCard(), tables, this.plans);
    } catch (e) {
      if (!isRateError(e)) throw e;
      return e;
    }
  }

  /** This engine's card with only this version's figures, as a card to build engines on. */
  private versionCard(): RateCard {
    return { ...this.card, meta: { ...this.allVersions.meta, version: this.card.meta.version } };
  }

  get departments(): readonly Department[] {
    return this.card.departments;
  }

  /**
   * Finds a role by id, title or alias, ignoring case, spaces and punctuation, or by a title as
   * crew lists write it (numbering, notes, unit prefixes, shorthand, plurals: see `matchTitle`).
   * @throws RateError UNKNOWN_ROLE with the roles it plausibly means as suggestions (maybe none)
   */
  findRole(query: string): Role {
    return orThrow(findRole(this.index, query));
  }

  /**
   * Places a title as a crew list, call sheet or budget writes it ("Set PA #3", "Key Grip - Local
   * Hire", "B/C Camera 1st AC", "Prod. Coord."): the role it resolves to and how, the unit and
   * hire words taken off it, or, when it cannot be placed, the roles it plausibly means. Never
   * throws. A title `findRole` resolves is matched to the same role; beyond that it also forgives
   * one typo in a long title where only one role is that close (step "typo"), which `findRole`
   * leaves to "Did you mean", so a pane or CLI can show it for confirmation.
   * @param text the title as typed
   * @returns the match, with `role` undefined when nothing fits with confidence
   */
  matchTitle(text: string): TitleMatch {
    const found = this.index.roles.match(text, { typos: true });
    if (found) {
      return {
        input: text,
        role: found.value,
        matched: found.spelling,
        steps: found.steps,
        qualifiers: found.qualifiers,
        suggestions: [],
      };
    }
    return {
      input: text,
      role: undefined,
      matched: undefined,
      steps: [],
      qualifiers: [],
      suggestions: this.index.roles.suggestByMeaning(text),
    };
  }

  /**
   * The engine over the card as it was at a version, for workbooks pinned to it. The same engine
   * for the card's own version.
   * @throws RateError UNKNOWN_VERSION
   */
  forVersion(version: string | undefined): RateEngine {
    if (version === undefined || version === this.card.meta.version) return this;
    let engine = this.versions.get(version);
    if (!engine) {
      engine = new RateEngine(
        {
          ...orThrow(versionedCard(this.allVersions, version)),
          meta: { ...this.allVersions.meta, version },
        },
        this.tables,
        this.plans,
      );
      this.versions.set(version, engine);
    }
    return engine;
  }

  /** @throws RateError UNKNOWN_AGREEMENT */
  findAgreement(text: string): Agreement {
    return orThrow(findAgreement(this.index, text));
  }

  /** @throws RateError UNKNOWN_REGION */
  findRegion(text: string): Region {
    return orThrow(findRegion(this.index, text));
  }

  /** @throws RateError UNKNOWN_TIER */
  findTier(text: string): Tier {
    return orThrow(findTier(this.index, text));
  }

  /**
   * A health contribution level as typed: "independent" (or "premium rate", "not a $15M
   * contributor") or "contributor" ("$15M contributor", "basic rate").
   * @throws RateError UNKNOWN_HEALTH_CONTRIBUTION
   */
  findHealthContribution(text: string): HealthContribution {
    return orThrow(parseHealthContribution(text));
  }

  /** @throws RateError UNKNOWN_DEPARTMENT */
  findDepartment(text: string): Department {
    return orThrow(findDepartment(this.index, text));
  }

  /**
   * The agreement a quote of `request` uses when the request names none (its "customary"
   * agreement): a production role's own agreement; else, at a union tier, the agreement of the
   * role's first union scale that applies in the region and tier and is in force on the date; else
   * Non-union. Reads only the request's role, region, tier and date (the card's defaults where they
   * are missing); its agreement, unit and amounts play no part.
   * @throws RateError UNKNOWN_ROLE, UNKNOWN_REGION or UNKNOWN_TIER
   */
  defaultAgreement(
    request: Pick<QuoteRequest, "role" | "region" | "tier"> & { date?: string | undefined },
  ): Agreement {
    return orThrow(defaultAgreementFor(this.index, request));
  }

  departmentOf(role: Role): Department {
    return this.index.departmentById.get(role.department)!;
  }

  /** Roles matching typed text, best first, typo-tolerant; optionally within a department. */
  search(query: string, options: { department?: string; limit?: number } = {}): Role[] {
    const dept = options.department ? this.findDepartment(options.department).id : undefined;
    const inDept = dept === undefined ? undefined : (role: Role) => role.department === dept;
    if (!normalizeName(query)) {
      const all = inDept ? this.roles.filter(inDept) : this.roles;
      return all.slice(0, options.limit ?? all.length);
    }
    return this.roleSearch.search(query, options.limit, inDept);
  }

  /**
   * Prices a crew line: unit rate, subtotal, each fringe, total, and the sources used.
   * @throws RateError for unknown names, bad numbers, or no rate for the combination
   */
  quote(request: QuoteRequest): ExplainedQuote {
    const quote = this.quoteFast(request);
    let explanation: string | undefined;
    let sources: string[] | undefined;
    const explain = () => {
      // How a crew-list title was read, and the unit and hire words it carried, lead the words.
      const m = this.index.roles.match(request.role);
      const read = m && !m.steps.includes("exact") ? describeTitleReading(request.role, m) : "";
      return `${read}${explainQuote(quote)}`;
    };
    return Object.defineProperties(quote, {
      explanation: { enumerable: true, get: () => (explanation ??= explain()) },
      sources: { enumerable: true, get: () => (sources ??= quoteSources(quote)) },
    }) as ExplainedQuote;
  }

  /** The same as `quote` without the explanation: the fast path for spreadsheets. */
  quoteFast(request: QuoteRequest): Quote {
    const planned = this.plan(request);
    if (isRateError(planned)) throw planned;
    const amounts = checkAmounts(request);
    if (isRateError(amounts)) throw amounts;
    return priceLine(planned.terms, amounts, planned.plan, this.index);
  }

  /** Every rate the card holds for a role, with period, kind and source. */
  listRates(role: Role): RateListing[] {
    return listRates(this.index, role);
  }

  /**
   * The classifications a line of `role` can be priced at in a region and tier on a date (the
   * card's defaults where not given), for a picker: the role's own first, then every other
   * classification of each book that applies there, by book. Each choice's `text` is what the
   * line's Agreement (or a CREW function's agreement argument) holds to price on it.
   * @throws RateError UNKNOWN_REGION, UNKNOWN_TIER or BAD_DATE
   */
  classificationsFor(
    role: Role,
    where: {
      region?: string | undefined;
      tier?: string | undefined;
      date?: string | undefined;
    } = {},
  ): ClassificationGroup[] {
    const { meta } = this.card;
    const region = orThrow(findRegion(this.index, where.region ?? meta.defaults.region));
    const tier = orThrow(findTier(this.index, where.tier ?? meta.defaults.tier));
    const date = where.date === undefined ? meta.defaultDate : orThrow(checkDate(where.date));
    return classificationChoices(this.index, role, region, tier, date);
  }

  /**
   * Straight-time-equivalent pay hours for a day of `hoursWorked` under an agreement's rules
   * (default non-union: 1.5x after 8, 2x after 12, so 12 hours pay 14).
   */
  payHours(hoursWorked: number, agreement?: string): number {
    if (!Number.isFinite(hoursWorked) || hoursWorked < 0 || hoursWorked > 24) {
      throw new RateError("BAD_HOURS", { input: String(hoursWorked) });
    }
    const a =
      agreement === undefined ? this.findAgreement("non-union") : this.findAgreement(agreement);
    return payHoursForDay(hoursWorked, a.workRules);
  }

  /**
   * Prices one unit of one printed schedule of a classification on a date, with no overtime: the
   * figure the book prints, reached the way quotes reach it (used to check the card against the
   * books).
   * @throws RateError NO_RATE when the schedule has no figure for that unit on that date
   */
  scaleRate(bookId: string, code: string, scheduleLabel: string, unit: Unit, date: string): number {
    const cref = this.index.classifications.get(classificationKey(bookId, code));
    const agreement = cref && this.index.agreementById.get(cref.book.agreement);
    const reason = (why: string) =>
      new RateError("NO_RATE", { role: `${bookId} ${code}`, unit, date, reason: why });
    if (!cref || !agreement) throw reason("no such classification on the card");
    const priced = priceUnit(classificationInForce(cref.classification, date, scheduleLabel), {
      unit,
      hoursPerDay: undefined,
      daysPerWeek: 5,
      rules: agreement.workRules,
      flatWeeks: undefined,
    });
    if (isPricingFailure(priced)) throw reason(priced.reason);
    return priced.unitRateCents;
  }

  /**
   * The resolved terms and rate plan of a request, or why it has none, cached by the request's
   * terms as typed: a spreadsheet asks the same few questions over and over, with different
   * quantities.
   */
  private plan(req: QuoteRequest): PlanAnswer {
    const stopped = this.stoppedBy(req.role);
    if (stopped) return stopped;
    // The index first: engines sharing the cache each have their own answers.
    const key = [
      this.index,
      req.role,
      req.unit,
      req.agreement,
      req.region,
      req.tier,
      req.date,
      req.hoursPerDay,
      req.daysPerWeek,
      // The plan holds the line's fringes, and which are charged depends on the level.
      req.healthContribution,
    ];
    let cached = this.plans.get(key);
    if (cached === undefined) {
      cached = planEntry(this.index, req);
      this.plans.set(key, cached);
    }
    return cached;
  }

  /**
   * The production-table line that stops a role's crew lines, if any: an unreadable negotiated
   * rate for it, or its own Production Roles line that does not check out. Other roles price as
   * usual.
   */
  private stoppedBy(roleName: string | undefined): RateError | undefined {
    const problems = this.production?.problems;
    if (!problems?.length || roleName === undefined) return undefined;
    const role = this.index.roles.get(roleName);
    const title = normalizeName(roleName);
    return problems.find(
      (p) =>
        (role !== undefined && p.roleId === role.id) ||
        (p.title !== undefined && p.title === title),
    )?.error;
  }

  /** The production tables' lines that do not check out (BAD_TABLE errors), sheet order. */
  get tableProblems(): readonly RateError[] {
    return (this.production?.problems ?? []).map((p) => p.error);
  }

  /**
   * What this engine's caches hold now, for tests and the bench: plans (shared with the engines
   * made from this one; at most twice `PLAN_CACHE_LIMIT`) and parsed production tables (at most
   * `PRODUCTION_CACHE_LIMIT`).
   */
  cacheSizes(): { plans: number; productions: number } {
    return { plans: this.plans.size, productions: this.productions.size };
  }
}

function planEntry(index: CardIndex, req: QuoteRequest): PlanEntry | RateError {
  const terms = resolveTerms(index, req);
  if (isRateError(terms)) return terms;
  const plan = planRate(index, terms);
  return isRateError(plan) ? plan : { terms, plan };
}
