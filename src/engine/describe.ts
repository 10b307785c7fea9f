import { classificationKey, type CardIndex } from "./cardIndex";
import { bookApplies, hasRatesOn } from "./coverage";
import { isRateError } from "./errors";
import { describeSource } from "./explain";
import { planRate } from "./quote";
import { periodInForce } from "./scales";
import { findClassificationPick, type ResolvedTerms } from "./terms";
import {
  DEFAULT_HEALTH_CONTRIBUTION,
  type Region,
  type Role,
  type ScaleBook,
  type Tier,
  type Unit,
} from "./types";

/** One rate the card holds for a role. */
export interface RateListing {
  agreement: string;
  classification: string;
  schedule: string;
  unit: Unit;
  amountCents: number;
  region: string;
  tier: string;
  effectiveFrom: string;
  effectiveTo: string;
  kind: "published" | "estimate" | "override";
  source: string;
}

const FIGURES = [
  ["hourlyCents", "hour"],
  ["dailyCents", "day"],
  ["weeklyCents", "week"],
] as const;

/**
 * Every rate the card holds for a role: each printed figure of each union scale that covers it,
 * then its non-union estimate by the week for each tier and each period of the estimate's basis.
 */
export function listRates(index: CardIndex, role: Role): RateListing[] {
  const out: RateListing[] = [];
  // The workbook's own rates first: they win over everything below.
  for (const o of index.overrides.get(role.id) ?? []) {
    out.push({
      agreement: o.agreementId
        ? (index.agreementById.get(o.agreementId)?.name ?? o.agreementId)
        : "Any agreement",
      classification:
        o.table === "Production Roles" ? "This production's own role" : "Negotiated rate",
      schedule: o.note,
      unit: o.unit,
      amountCents: o.amountCents,
      region: "all regions",
      tier: "all tiers",
      effectiveFrom: "",
      effectiveTo: "",
      kind: "override",
      source: `${o.table} table in this workbook, line ${o.line}`,
    });
  }
  for (const ref of role.scales) {
    const cref = index.classifications.get(classificationKey(ref.agreement, ref.code));
    if (!cref) continue;
    const agreement = index.agreementById.get(cref.book.agreement);
    const region = cref.book.regions
      .map((id) => (id === "*" ? "all regions" : (index.regionById.get(id)?.name ?? id)))
      .join(", ");
    for (const schedule of cref.classification.schedules) {
      for (const period of schedule.rates) {
        for (const [field, unit] of FIGURES) {
          const amountCents = period[field];
          if (amountCents === undefined) continue;
          out.push({
            agreement: agreement?.name ?? cref.book.agreement,
            classification: `${cref.book.name}: ${cref.classification.title} (${cref.classification.code})`,
            schedule:
              schedule.label === schedule.hire
                ? schedule.label
                : `${schedule.label} (${schedule.hire})`,
            unit,
            amountCents,
            region,
            tier: (cref.book.tiers ?? [index.card.meta.defaults.tier])
              .map((t) => index.tierById.get(t)?.name ?? t)
              .join(", "),
            effectiveFrom: period.from,
            effectiveTo: period.to,
            kind: period.kind,
            source:
              period.kind === "estimate" && period.method
                ? `${period.method} From: ${describeSource(period.source ?? cref.book.source)}`
                : describeSource(period.source ?? cref.book.source, period.page),
          });
        }
      }
    }
  }
  const { estimate } = role;
  if (!estimate) return out;
  const basis = index.classifications.get(
    classificationKey(estimate.basis.agreement, estimate.basis.code),
  );
  const nonUnion = index.agreementById.get("non-union");
  const region = index.regionById.get(index.card.meta.defaults.region);
  if (!basis || !nonUnion || !region) return out;
  const periods = new Map<string, string>();
  for (const s of basis.classification.schedules)
    for (const p of s.rates) periods.set(p.from, p.to);
  const unit: Unit = role.unit === "flat" && estimate.flatWeeks !== undefined ? "flat" : "week";
  for (const tier of index.card.meta.tiers) {
    for (const [from, to] of [...periods].sort()) {
      const request: ResolvedTerms = {
        role,
        unit,
        agreement: nonUnion,
        region,
        tier,
        date: from,
        hoursPerDay: undefined,
        daysPerWeek: 5,
        healthContribution: DEFAULT_HEALTH_CONTRIBUTION,
      };
      const plan = planRate(index, request);
      if (isRateError(plan) || plan.basis.kind === "override") continue;
      out.push({
        agreement: nonUnion.name,
        classification: `estimate from ${basis.book.name}: ${basis.classification.title} (${basis.classification.code})`,
        schedule: plan.basis.schedule.label,
        unit,
        amountCents: plan.unitRateCents,
        region: "all regions",
        tier: tier.name,
        effectiveFrom: from,
        effectiveTo: to,
        kind: "estimate",
        source: plan.basis.method ?? "",
      });
    }
  }
  return out;
}

/** A classification a line of a role can be priced at, and the Agreement text that names it. */
export interface ClassificationChoice {
  /** What the line's Agreement holds to price on it ("Local 728 #5411"): a CREW argument too. */
  text: string;
  code: string;
  title: string;
  /** The book's id and name. */
  bookId: string;
  bookName: string;
  /** The agreement's name. */
  agreement: string;
  /** Whether the card links the role to it (one of the classifications it prices the role at). */
  isRoleOwn: boolean;
  /** A further schedule of the classification the text names ("Local 600 #1941 C-1"). */
  schedule?: string;
}

/** Classifications to pick from, by book: the role's own first. */
export interface ClassificationGroup {
  /** "This role" for the role's own, else the book's name. */
  label: string;
  choices: ClassificationChoice[];
}

/**
 * The Agreement text that names a classification for a line in a region and tier, with its code
 * ("Local 728 #5411"): the first of the local, the agreement's name when it is short ("DGA"), its
 * first alias ("ASA"), its name and the book's id that reads back as this classification there.
 */
function choiceText(
  index: CardIndex,
  book: ScaleBook,
  code: string,
  region: Region,
  tier: Tier,
): string | undefined {
  const agreement = index.agreementById.get(book.agreement);
  const locals = [...book.name.matchAll(/\bLocal (\d+)\b/g)].map((m) => `Local ${m[1]}`);
  const short = agreement && agreement.name.length <= 12 ? agreement.name : undefined;
  const names = [...locals, short, agreement?.aliases[0], agreement?.name, book.id];
  for (const name of names) {
    if (name === undefined) continue;
    const text = `${name} #${code}`;
    const pick = findClassificationPick(index, text, region, tier);
    if (pick && !isRateError(pick) && pick.book === book && pick.classification.code === code) {
      return text;
    }
  }
  return undefined;
}

/**
 * The classifications a line of `role` can be priced at in a region and tier on a date: those
 * the card links the role to, then every other classification of each book that applies there
 * (card order), each with figures in force on the date. Reference-only books are left out.
 */
export function classificationChoices(
  index: CardIndex,
  role: Role,
  region: Region,
  tier: Tier,
  date: string,
): ClassificationGroup[] {
  // A production's own role has its one rate only (see planRate).
  if (role.production) return [];
  /**
   * The classification as a line prices it (each kind of hire on its first schedule in force),
   * then each further schedule of a kind of hire it prints more than one of (Local 600's C
   * schedules, Local 700's F schedules), named after the code.
   */
  const choicesOf = (book: ScaleBook, code: string, isRoleOwn: boolean) => {
    const cref = index.classifications.get(classificationKey(book.id, code));
    if (!cref || !hasRatesOn(cref, date)) return [];
    const text = choiceText(index, book, code, region, tier);
    if (text === undefined) return [];
    const { title } = cref.classification;
    const choice: ClassificationChoice = {
      text,
      code,
      title,
      bookId: book.id,
      bookName: book.name,
      agreement: index.agreementById.get(book.agreement)?.name ?? book.agreement,
      isRoleOwn,
    };
    const firstOfHire = new Set<string>();
    const choices = [choice];
    for (const schedule of cref.classification.schedules) {
      if (!periodInForce(schedule.rates, date)) continue;
      if (!firstOfHire.has(schedule.hire)) {
        firstOfHire.add(schedule.hire);
        continue;
      }
      const label = schedule.label;
      choices.push({
        ...choice,
        text: `${text} ${label}`,
        title: `${title}, schedule ${label}`,
        schedule: label,
      });
    }
    return choices;
  };
  const applies = (book: ScaleBook) =>
    !index.referenceBooks.has(book.id) && bookApplies(index, book, region.id, tier.id);
  const own: ClassificationChoice[] = [];
  for (const ref of role.scales) {
    const book = index.books.get(ref.agreement);
    const choices = book && applies(book) ? choicesOf(book, ref.code, true) : [];
    for (const choice of choices) {
      if (!own.some((c) => c.text === choice.text)) own.push(choice);
    }
  }
  const groups: ClassificationGroup[] = own.length ? [{ label: "This role", choices: own }] : [];
  for (const book of index.card.scales) {
    if (!applies(book)) continue;
    const choices: ClassificationChoice[] = [];
    for (const c of book.classifications) {
      if (own.some((o) => o.bookId === book.id && o.code === c.code)) continue;
      choices.push(...choicesOf(book, c.code, false));
    }
    if (choices.length) groups.push({ label: book.name, choices });
  }
  return groups;
}
