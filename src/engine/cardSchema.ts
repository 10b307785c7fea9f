/**
 * The one definition of the rate card's shape. The TypeScript types the engine uses are inferred from
 * these schemas (see types.ts), and `npm run validate:card` writes the JSON Schema that the data files
 * name in `"$schema"`, so the shape is written down exactly once.
 *
 * Money is integer cents (`...Cents`), percentages are basis points (`percentBps`: 620 = 6.2%), dates
 * are ISO `YYYY-MM-DD` strings (they sort and compare as text).
 */
import { z } from "zod";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id");
const cents = z.number().int().nonnegative();
const tenths = z.number().nonnegative().multipleOf(0.1);
/** A rate-card version: "2026.1", "2026.2"... Every version the add-in has shipped stays in the card. */
export const cardVersion = z.string().regex(/^\d{4}\.\d+$/, "expected a card version like 2026.1");

/**
 * Which card versions a figure belongs to: from `since` (default: the first version) through
 * `until` (default: every later one). A corrected figure is a new period with `since`, and the old
 * one gets `until`, so a workbook pinned to an older version keeps its numbers.
 */
/** Whether card version `a` is later than `b` ("2026.10" is later than "2026.9"). */
function versionAfter(a: string, b: string): boolean {
  const [ay = 0, an = 0] = a.split(".").map(Number);
  const [by = 0, bn = 0] = b.split(".").map(Number);
  return ay - by > 0 || (ay === by && an > bn);
}

const versioned = {
  since: cardVersion.optional(),
  until: cardVersion.optional(),
};

export const unitSchema = z.enum(["hour", "day", "week", "flat"]);
export const hireSchema = z.enum(["daily", "weekly", "on-call"]);
export const figureKindSchema = z.enum(["published", "estimate"]);
/**
 * What a producer pays the MPI Health Plan at (Basic Agreement Art. XII(b)): an independent
 * producer the premium rate and the Retired Employees Fund add-on, a "$15 Million Contributor" the
 * basic rate.
 */
export const healthContributionSchema = z.enum(["independent", "contributor"]);
export const confidenceSchema = z.enum(["high", "medium-high", "medium", "low-medium", "low"]);

/** Where a figure comes from: a document a payroll accountant can open. */
export const sourceSchema = z.object({
  /** Who issued the document: "AMPTP and IATSE", "Directors Guild of America". */
  publisher: z.string().min(2).optional(),
  /** The document's title as printed. */
  title: z.string().min(3),
  /** The document's own number where it prints one ("00317375"). */
  docNumber: z.string().optional(),
  /** Where it can be read: the publisher's page, or a copy (a repository, a payroll book). */
  address: z.url().optional(),
  section: z.string().optional(),
  published: z.string().optional(),
  confidence: confidenceSchema.optional(),
  note: z.string().optional(),
});

export const departmentSchema = z.object({
  id: kebabId,
  name: z.string().min(2),
  account: z.string().regex(/^\d{4}$/),
});

/**
 * A role's union classification. `since`/`until` (card versions) date the link itself: a role that
 * gains a published classification in a later card keeps pricing as before in workbooks pinned to
 * an older one.
 */
export const scaleRefSchema = z
  .object({ agreement: kebabId, code: z.string().min(1), ...versioned })
  .refine(
    (r) => r.since === undefined || r.until === undefined || !versionAfter(r.since, r.until),
    {
      message: "a scale link's since is after its until",
    },
  );

export const roleSchema = z.object({
  id: kebabId,
  title: z.string().min(2),
  aliases: z.array(z.string().min(1)),
  account: z.string().regex(/^\d{4}$/),
  description: z.string().min(40),
  responsibilities: z.array(z.string().min(3)).min(3),
  skills: z.array(z.string().min(3)).min(3),
  unit: unitSchema,
  crewGroup: z.enum(["head", "key", "second", "third", "utility"]),
  scales: z.array(scaleRefSchema),
  estimate: z.object({
    basis: scaleRefSchema,
    factor: z.number().positive().max(5),
    note: z.string().min(10),
    /** For roles budgeted as a flat fee: how many weeks of the basis the fee is taken to cover. */
    flatWeeks: z.number().positive().optional(),
  }),
  /** The card version the role first appears in (default: the first): pinned workbooks never see it. */
  since: cardVersion.optional(),
  /**
   * Aliases added after the role first shipped, by the version that added them: a workbook pinned
   * to an older version resolves (and checks its Production Roles against) only the older ones.
   */
  aliasesSince: z.record(cardVersion, z.array(z.string().min(1))).optional(),
  /**
   * Aliases the role held through a version and then gave up (to a role of their own), by that
   * last version: a workbook pinned to it or an older one still resolves them to this role.
   */
  aliasesUntil: z.record(cardVersion, z.array(z.string().min(1))).optional(),
});

export const roleFileSchema = z.object({
  $schema: z.string().optional(),
  department: departmentSchema,
  roles: z.array(roleSchema).min(1),
});

/** One period's printed figures for one schedule of one classification. */
export const periodRateSchema = z.object({
  from: isoDate,
  to: isoDate,
  hourlyCents: cents.optional(),
  dailyCents: cents.optional(),
  weeklyCents: cents.optional(),
  page: z.number().int().positive().optional(),
  kind: figureKindSchema,
  ...versioned,
  /** Overrides the book's source for this period (e.g. DGA periods come from different rate cards). */
  source: sourceSchema.optional(),
  method: z.string().optional(),
});

export const scheduleSchema = z.object({
  label: z.string().min(1),
  hire: hireSchema,
  /** Daily hire: the minimum call, in hours. */
  dailyHours: tenths.optional(),
  /** Weekly hire: the guaranteed hours the weekly figure covers. */
  weeklyHours: tenths.optional(),
  rates: z.array(periodRateSchema).min(1),
});

export const classificationSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(2),
  schedules: z.array(scheduleSchema).min(1),
});

/** A wage-schedule book: one union's (or local's) published minimums. */
export const scaleBookSchema = z.object({
  $schema: z.string().optional(),
  id: kebabId,
  agreement: kebabId,
  name: z.string().min(3),
  regions: z.array(z.union([kebabId, z.literal("*")])).min(1),
  /** Budget tiers the book's rates apply at; absent: the card's default (studio) tier only. */
  tiers: z.array(kebabId).min(1).optional(),
  source: sourceSchema,
  classifications: z.array(classificationSchema).min(1),
});

export const fringePeriodSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    percentBps: tenths.optional(),
    centsPerHour: tenths.optional(),
    /** A benefit amount per day worked or guaranteed (e.g. the LBT's aggregate daily amounts). */
    centsPerDay: cents.optional(),
    capCents: cents.optional(),
    kind: figureKindSchema,
    method: z.string().optional(),
    source: sourceSchema,
    ...versioned,
  })
  .refine(
    (p) =>
      [p.percentBps, p.centsPerHour, p.centsPerDay].filter((x) => x !== undefined).length === 1,
    { message: "a fringe period has exactly one of percentBps, centsPerHour or centsPerDay" },
  )
  .refine((p) => p.kind === "published" || (p.method ?? "").length > 10, {
    message: "an estimate states its method",
  });

export const fringeSchema = z.object({
  id: kebabId,
  label: z.string().min(2),
  category: z.enum(["tax", "union", "insurance", "fee"]),
  regions: z.array(z.string()).min(1),
  agreements: z.array(z.string()).min(1),
  /** Budget tiers the fringe applies at; absent: every tier. */
  tiers: z.array(kebabId).min(1).optional(),
  /** The health contribution levels the fringe applies at; absent: every level. */
  healthContributions: z.array(healthContributionSchema).min(1).optional(),
  basis: z.enum(["percent", "perHour", "perDay"]),
  periods: z.array(fringePeriodSchema).min(1),
});

export const fringeFileSchema = z.object({
  $schema: z.string().optional(),
  fringes: z.array(fringeSchema).min(1),
});

export const workRulesSchema = z.object({
  /** Straight time up to this many hours a day, then 1.5x. */
  overtimeAfterHours: z.number().positive(),
  /** Double time ("golden hours") after this many hours a day. */
  doubleTimeAfterHours: z.number().positive(),
  /** A day of an on-call or weekly-only rate is this fraction of the weekly figure. */
  dayFractionOfWeek: z.number().positive().max(1),
  sixthDayMultiplier: z.number().min(1),
  seventhDayMultiplier: z.number().min(1),
  /** Hours reported to the benefit plans for an on-call day (per-hour fringes). */
  onCallContributionHoursPerDay: z.number().positive(),
  source: sourceSchema,
});

export const agreementSchema = z.object({
  id: kebabId,
  name: z.string().min(2),
  aliases: z.array(z.string()),
  workRules: workRulesSchema,
  /**
   * A category of another agreement that a producer names for a line (the ASA's television
   * rates): never a line's default agreement, and not listed among the scales a line lacks.
   */
  chosenOnly: z.boolean().optional(),
  /**
   * Agreements for the same kind of production elsewhere ("Local 600 One-Hour" outside Los
   * Angeles, "IATSE One-Hour" in it): a line naming this one where it has no scale is told which
   * of them prices the role there.
   */
  seeAlso: z.array(kebabId).optional(),
});

export const regionSchema = z.object({
  id: kebabId,
  name: z.string().min(2),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  aliases: z.array(z.string()),
});

export const tierSchema = z.object({
  id: kebabId,
  name: z.string().min(2),
  aliases: z.array(z.string()),
  budgetFromCents: cents.optional(),
  budgetToCents: cents.optional(),
  /** Non-union estimates at this tier are the studio-tier estimate times this factor. */
  nonUnionFactor: z.number().positive().max(1),
  nonUnionMethod: z.string().min(10),
});

export const cardMetaSchema = z.object({
  $schema: z.string().optional(),
  /** The newest version in this card. */
  version: cardVersion,
  /** Every version the add-in has shipped, oldest first. */
  versions: z
    .array(z.object({ version: cardVersion, released: isoDate, notes: z.string().min(5) }))
    .min(1),
  /** The budget date a formula uses when it names none: fixed in the card, never "today". */
  defaultDate: isoDate,
  defaults: z.object({ region: kebabId, tier: kebabId, unit: unitSchema }),
  agreements: z.array(agreementSchema).min(1),
  regions: z.array(regionSchema).min(1),
  tiers: z.array(tierSchema).min(1),
  /** How a role's default agreement is chosen: non-union below this tier list. */
  unionTiers: z.array(kebabId),
});

export const rateCardSchema = z.object({
  meta: cardMetaSchema,
  departments: z.array(departmentSchema).min(1),
  roles: z.array(roleSchema.extend({ department: kebabId })).min(1),
  scales: z.array(scaleBookSchema).min(1),
  fringes: z.array(fringeSchema).min(1),
});
