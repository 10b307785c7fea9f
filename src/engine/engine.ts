import { indexCard, type CardIndex } from "./cardIndex";
import { RateError, isRateError } from "./errors";
import { explainQuote, quoteSources } from "./explain";
import { listRates, type RateListing } from "./describe";
import { normalizeName } from "./names";
import {
  findAgreement,
  findRole,
  planRate,
  priceLine,
  resolveTerms,
  checkAmounts,
  type ResolvedTerms,
  type RatePlan,
} from "./quote";
import { RoleSearch } from "./search";
import { cardAtVersion } from "./versions";
import { classificationInForce, priceUnit } from "./scales";
import type { Agreement, Department, Quote, QuoteRequest, RateCard, Role, Unit } from "./types";
import { payHoursForDay } from "./workRules";

/** A quote with its explanation, made when first read (the hot path does not need the words). */
export interface ExplainedQuote extends Quote {
  readonly explanation: string;
  readonly sources: string[];
}

const PLAN_CACHE_LIMIT = 5_000;

interface PlanEntry {
  terms: ResolvedTerms;
  plan: RatePlan;
}
/** Cached plans by the request's terms as typed, one map level per term. */
type PlanTree = Map<string | number | undefined, PlanTree | PlanEntry | RateError>;

/** The rate engine over one rate card: every face of CrewRate (functions, pane, CLI) uses this. */
export class RateEngine {
  readonly card: RateCard;
  private readonly index: CardIndex;
  private readonly roleSearch: RoleSearch;
  private readonly plans: PlanTree = new Map();
  private readonly versions = new Map<string, RateEngine>();

  /** Every version's figures, for `forVersion`; `card` holds only this version's. */
  private readonly allVersions: RateCard;

  constructor(card: RateCard) {
    this.allVersions = card;
    this.card = cardAtVersion(card, card.meta.version);
    this.index = indexCard(this.card);
    this.roleSearch = new RoleSearch(
      this.card.roles,
      (id) => this.index.departmentById.get(id)?.name ?? id,
    );
  }

  get roles(): readonly Role[] {
    return this.card.roles;
  }

  get departments(): readonly Department[] {
    return this.card.departments;
  }

  /**
   * Finds a role by id, title or alias, ignoring case, spaces and punctuation.
   * @throws RateError UNKNOWN_ROLE with the closest titles as suggestions
   */
  findRole(query: string): Role {
    return findRole(this.index, query);
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
      engine = new RateEngine({
        ...cardAtVersion(this.allVersions, version),
        meta: { ...this.allVersions.meta, version },
      });
      this.versions.set(version, engine);
    }
    return engine;
  }

  /** @throws RateError UNKNOWN_AGREEMENT */
  findAgreement(text: string): Agreement {
    return findAgreement(this.index, text);
  }

  /** @throws RateError UNKNOWN_DEPARTMENT */
  findDepartment(text: string): Department {
    const found = this.index.departments.get(text);
    if (found) return found;
    throw new RateError("UNKNOWN_DEPARTMENT", {
      input: text,
      suggestions: this.index.departments.suggest(text),
    });
  }

  departmentOf(role: Role): Department {
    return this.index.departmentById.get(role.department)!;
  }

  /** Roles matching typed text, best first, typo-tolerant; optionally within a department. */
  search(query: string, options: { department?: string; limit?: number } = {}): Role[] {
    const dept = options.department ? this.findDepartment(options.department).id : undefined;
    const inDept = dept === undefined ? undefined : (role: Role) => role.department === dept;
    if (!normalizeName(query)) {
      const all = inDept ? this.card.roles.filter(inDept) : this.card.roles;
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
    return Object.defineProperties(quote, {
      explanation: { enumerable: true, get: () => (explanation ??= explainQuote(quote)) },
      sources: { enumerable: true, get: () => (sources ??= quoteSources(quote)) },
    }) as ExplainedQuote;
  }

  /** The same as `quote` without the explanation: the fast path for spreadsheets. */
  quoteFast(request: QuoteRequest): Quote {
    const { terms, plan } = this.plan(request);
    return priceLine(terms, checkAmounts(request), plan, this.index);
  }

  /** Every rate the card holds for a role, with period, kind and source. */
  listRates(role: Role): RateListing[] {
    return listRates(this.index, role);
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
    const cref = this.index.classifications.get(`${bookId} ${code}`);
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
    if ("reason" in priced) throw reason(priced.reason);
    return priced.unitRateCents;
  }

  /**
   * The resolved terms and rate plan of a request, cached by the request's terms as typed: a
   * spreadsheet asks the same few questions over and over, with different quantities.
   */
  private plan(req: QuoteRequest): PlanEntry {
    // A tree of maps, one level per term, so the hot path builds no key string.
    const path = [
      req.role,
      req.unit,
      req.agreement,
      req.region,
      req.tier,
      req.date,
      req.hoursPerDay,
    ];
    let tree: PlanTree = this.plans;
    for (const term of path) {
      let next = tree.get(term);
      if (!(next instanceof Map)) {
        if (tree.size >= PLAN_CACHE_LIMIT) tree.clear();
        next = new Map();
        tree.set(term, next);
      }
      tree = next;
    }
    let cached = tree.get(req.daysPerWeek);
    if (cached === undefined || cached instanceof Map) {
      try {
        const terms = resolveTerms(this.index, req);
        const plan = planRate(this.index, terms);
        cached = isRateError(plan) ? plan : { terms, plan };
      } catch (e) {
        if (!isRateError(e)) throw e;
        cached = e;
      }
      tree.set(req.daysPerWeek, cached);
    }
    if (isRateError(cached)) throw cached;
    return cached;
  }
}
