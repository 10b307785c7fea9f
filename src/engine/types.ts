import type { RateError } from "./errors";
import type { z } from "zod";
import type {
  agreementSchema,
  cardMetaSchema,
  classificationSchema,
  departmentSchema,
  fringePeriodSchema,
  fringeSchema,
  healthContributionSchema,
  hireSchema,
  periodRateSchema,
  rateCardSchema,
  regionSchema,
  roleSchema,
  scaleBookSchema,
  scheduleSchema,
  sourceSchema,
  tierSchema,
  unitSchema,
  workRulesSchema,
} from "./cardSchema";

/** A unit the card's data can name (a role's own unit, the card's default unit). */
export type CardUnit = z.infer<typeof unitSchema>;
/**
 * A unit a crew line can be priced by: the card's, plus `month` and `episode`, which are derived
 * from the week (see units.ts) and labelled as derived wherever the rate is shown.
 */
export type Unit = CardUnit | "month" | "episode";
export type Hire = z.infer<typeof hireSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Department = z.infer<typeof departmentSchema>;
/** A role as the card holds it. */
export type CardRole = z.infer<typeof roleSchema> & { department: string; production?: undefined };
export type ScaleRef = CardRole["scales"][number];

/** Where a production's own role came from, and the one rate it was given. */
export interface ProductionMark {
  /** The role's line in the workbook's Production Roles table (1 = its first data line). */
  line: number;
  /** Agreement id the rate is under. */
  agreement: string;
  unit: Unit;
  rateCents: number;
}

/**
 * A role the production added in its workbook (the Production Roles table): found, searched,
 * described and priced like a card role, at the one rate the production gave it.
 */
export interface ProductionRole {
  id: string;
  title: string;
  aliases: string[];
  account: string;
  description: string;
  responsibilities: string[];
  skills: string[];
  unit: Unit;
  department: string;
  scales: ScaleRef[];
  estimate?: undefined;
  production: ProductionMark;
}

export type Role = CardRole | ProductionRole;

/** One cell of a production table as a spreadsheet hands it over. */
export type TableCell = string | number | boolean | null | undefined;
export type TableRows = readonly (readonly TableCell[])[];

/** A production's two tables' data rows (no header), in the column orders below. */
export interface ProductionTables {
  overrides: TableRows;
  roles: TableRows;
}

export const OVERRIDES_TABLE = "Rate Overrides";
export const PRODUCTION_ROLES_TABLE = "Production Roles";
export const OVERRIDE_COLUMNS = ["Role", "Agreement", "Unit", "Amount", "Note"] as const;
export const PRODUCTION_ROLE_COLUMNS = [
  "Title",
  "Department",
  "Account",
  "Description",
  "Unit",
  "Rate",
  "Agreement",
] as const;

export type ProductionTableName = typeof OVERRIDES_TABLE | typeof PRODUCTION_ROLES_TABLE;

/** A rate the workbook sets for a role (a Rate Overrides line, or a production role's own rate). */
export interface RateOverride {
  table: ProductionTableName;
  line: number;
  roleId: string;
  /** Undefined: the override applies under any agreement. */
  agreementId: string | undefined;
  unit: Unit;
  amountCents: number;
  note: string;
}

/** A production's own roles and rate overrides, checked against the card. */
export interface Production {
  roles: ProductionRole[];
  /** Overrides by role id. */
  overrides: Map<string, RateOverride[]>;
  /**
   * Table lines that do not check out, each as its BAD_TABLE error, and whom they stop: a card
   * role whose negotiated rate is unreadable (by role id), or a production role that cannot be
   * priced (by its normalized title). Crew lines for them show the line's error; every other line
   * prices as usual. Lines naming no role stop no one, and still show on the tables cell.
   */
  problems: { error: RateError; roleId?: string; title?: string }[];
}
export type PeriodRate = z.infer<typeof periodRateSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Classification = z.infer<typeof classificationSchema>;
export type ScaleBook = z.infer<typeof scaleBookSchema>;
export type Fringe = z.infer<typeof fringeSchema>;
export type FringePeriod = z.infer<typeof fringePeriodSchema>;
export type WorkRules = z.infer<typeof workRulesSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type CardMeta = z.infer<typeof cardMetaSchema>;
/**
 * The level a producer contributes to the MPI Health Plan at (Basic Agreement Art. XII(b)):
 * `independent`, a producer that is not a "$15 Million Contributor" (the premium rate and the
 * Retired Employees Fund add-on), or `contributor`, one that is (the basic rate).
 */
export type HealthContribution = z.infer<typeof healthContributionSchema>;
export type RateCard = z.infer<typeof rateCardSchema>;

/** Every unit, in the order the pane lists them. */
export const UNITS: readonly Unit[] = ["hour", "day", "week", "month", "episode", "flat"];

/** Every health contribution level, the default first. */
export const HEALTH_CONTRIBUTIONS: readonly HealthContribution[] = ["independent", "contributor"];

/**
 * The level a request prices at when it names none: what an independent production pays. It is the
 * higher of the two, so a budget that does not say which it is is never short.
 */
export const DEFAULT_HEALTH_CONTRIBUTION: HealthContribution = "independent";

/** What a caller asks for. Everything but the role is optional and has a documented default. */
export interface QuoteRequest {
  /** Role id, title or alias. */
  role: string;
  /** How many units; default 1. */
  quantity?: number | undefined;
  /**
   * hour, day, week, month, episode or flat; default the card's default unit (week). A month is
   * 52/12 weeks, an episode 1.6 weeks (an assumption): see units.ts.
   */
  unit?: string | undefined;
  /** Agreement id or alias; default: the role's union agreement at union tiers, else non-union. */
  agreement?: string | undefined;
  /** Region id or alias; default the card's default region (Los Angeles). */
  region?: string | undefined;
  /** Budget tier id or alias; default the card's default tier (studio). */
  tier?: string | undefined;
  /** Budget date YYYY-MM-DD; picks the period in force. Default the card's defaultDate, never today. */
  date?: string | undefined;
  /** Hours worked a day. Default: the scale's own guarantee (no overtime). */
  hoursPerDay?: number | undefined;
  /** Days worked a week for weekly units (5 to 7); the 6th and 7th carry premiums. Default 5. */
  daysPerWeek?: number | undefined;
  /** Wages already budgeted for the same person in the same calendar year, in dollars. Default 0. */
  wagesToDate?: number | undefined;
  /**
   * The producer's MPI health contribution level, as typed: "independent" (the default; the
   * premium rate and the Retired Employees Fund add-on) or "contributor" (a "$15 Million
   * Contributor": the basic rate). Only fringes the card marks for a level depend on it.
   */
  healthContribution?: string | undefined;
}

/** One fringe on one crew line. Reads its label, rate and source from the card's fringe period. */
export class FringeLine {
  constructor(
    readonly fringe: Fringe,
    readonly period: FringePeriod,
    /** The wages (cents) or hours the rate was applied to, after any cap. */
    readonly appliedTo: number,
    readonly amountCents: number,
  ) {}
  get id(): string {
    return this.fringe.id;
  }
  get label(): string {
    return this.fringe.label;
  }
  get category(): Fringe["category"] {
    return this.fringe.category;
  }
  get basis(): Fringe["basis"] {
    return this.fringe.basis;
  }
  /** percentBps for percent fringes, centsPerHour for hourly ones, centsPerDay for daily ones. */
  get rate(): number {
    return this.period.percentBps ?? this.period.centsPerHour ?? this.period.centsPerDay ?? 0;
  }
  get capCents(): number | undefined {
    return this.period.capCents;
  }
  /** The health contribution levels the fringe is charged at; undefined: every level. */
  get healthContributions(): readonly HealthContribution[] | undefined {
    return this.fringe.healthContributions;
  }
  get kind(): "published" | "estimate" {
    return this.period.kind;
  }
  get source(): Source {
    return this.period.source;
  }
  get method(): string | undefined {
    return this.period.method;
  }
}

/** A rate from the card: a published scale, or an estimate derived from one. */
export interface ScaleBasis {
  kind: "published" | "estimate";
  agreement: Agreement;
  book: ScaleBook;
  classification: Classification;
  schedule: Schedule;
  period: PeriodRate;
  /** The multiplier applied to the published basis (1 for a published rate). */
  factor: number;
  method: string | undefined;
  source: Source;
  /**
   * For a non-union estimate chosen by default: why no union scale applies (e.g. "no Local 52
   * scale for this role in New York"), in words a budget column can show.
   */
  nonUnionReason?: string | undefined;
  /**
   * For a month or an episode: the week it was derived from (no book prints these units, so the
   * basis is then an estimate even where the weekly figure is published).
   */
  derivedFrom?: UnitDerivation | undefined;
  /**
   * When the producer chose the classification for the line (its Agreement names one, "Local 728
   * #5411"): that text. Undefined when the card's link from the role to its scale was used.
   */
  chosen?: string | undefined;
  /** The schedule that text named after the code ("Local 600 #1941 C-1": "C-1"), if any. */
  chosenSchedule?: string | undefined;
}

/** How a month's or an episode's rate was derived from a weekly one. */
export interface UnitDerivation {
  unit: Unit;
  /** The weekly rate it multiplies, in cents, and whether the card publishes that figure. */
  weekCents: number;
  weekKind: "published" | "estimate";
  weeks: number;
  /** "52/12 weeks": as it multiplies. */
  factor: string;
  definition: string;
  isAssumption: boolean;
}

/** A rate from the workbook: a line of Rate Overrides, or a Production Roles rate. */
export interface OverrideBasis {
  kind: "override";
  agreement: Agreement;
  table: ProductionTableName;
  /** The line in that table, 1 = its first data line. */
  line: number;
  note: string;
  /** What the card would have charged per unit, where it has a rate for the same terms. */
  cardRateCents: number | undefined;
  factor: 1;
  method: string;
  source: Source;
}

export type RateBasis = ScaleBasis | OverrideBasis;

export interface Quote {
  role: Role;
  department: Department;
  quantity: number;
  unit: Unit;
  agreement: Agreement;
  region: Region;
  tier: Tier;
  date: string;
  hoursPerDay: number | undefined;
  daysPerWeek: number;
  wagesToDateCents: number;
  /** The health contribution level the line was priced at (see `QuoteRequest`). */
  healthContribution: HealthContribution;
  unitRateCents: number;
  subtotalCents: number;
  fringes: FringeLine[];
  fringeCents: number;
  totalCents: number;
  /** Hours reported to per-hour benefit plans for the whole line. */
  contributionHours: number;
  /** Days reported to per-day benefit plans for the whole line. */
  contributionDays: number;
  basis: RateBasis;
  /**
   * Plain-words notes on how the line was priced: pay hours, premiums, a derived unit, and any
   * fringe carried past the card's last figure or no longer charged.
   */
  notes: string[];
}
