import { quoteInput } from "./errors";
import { formatBps, formatUsd } from "./money";
import type { NameMatch } from "./names";
import { hireOf } from "./titles";
import type { FringeLine, HealthContribution, Quote, Source } from "./types";

function plural(n: number, unit: string): string {
  return `${Number(n.toFixed(4))} ${unit}${n === 1 ? "" : "s"}`;
}

const exactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/**
 * A rate at the precision the card holds and the engine multiplies by: "$8.003" for 800.3 cents,
 * so "$8.003/hr × 240 hours = $1,920.72" multiplies out to the cent where "$8.00" would not.
 */
export function formatRate(cents: number): string {
  return exactUsd.format(cents / 100);
}

/** "6.2% on $12,000.00 (yearly cap $184,500.00)" or "$7.55/hr × 430 hours". */
export function describeFringeRate(line: FringeLine): string {
  if (line.basis === "perDay") {
    return `${formatRate(line.rate)}/day × ${Number(line.appliedTo.toFixed(4))} days`;
  }
  if (line.basis === "perHour") {
    return `${formatRate(line.rate)}/hr × ${Number(line.appliedTo.toFixed(4))} hours`;
  }
  const cap = line.capCents === undefined ? "" : ` (yearly wage base ${formatUsd(line.capCents)})`;
  return `${formatBps(line.rate)} on ${formatUsd(line.appliedTo)}${cap}`;
}

/** Who pays at a health contribution level, in the agreement's words. */
const HEALTH_PAYER: Record<HealthContribution, string> = {
  independent: "an independent producer (not a $15M contributor)",
  contributor: 'a "$15 Million Contributor"',
};

/** "independent producer (not a $15M contributor)" or "$15M contributor": a level in budget words. */
export function describeHealthContribution(level: HealthContribution): string {
  return level === "independent"
    ? "independent producer (not a $15M contributor)"
    : "$15M contributor";
}

/**
 * A fringe's label, with the health contribution level its rate is for when the card charges it
 * at one level only: "MPI Health Plan (IATSE) at the independent producer's rate".
 */
export function fringeLabel(line: FringeLine): string {
  const levels = line.healthContributions;
  if (levels?.length !== 1) return line.label;
  return `${line.label} at the ${levels[0] === "independent" ? "independent producer's" : "$15M contributor's"} rate`;
}

/** For a line with fringes that depend on the level: which it was priced at, and the other. */
function healthContributionText(q: Quote): string {
  if (!q.fringes.some((f) => f.healthContributions !== undefined)) return "";
  const other: HealthContribution =
    q.healthContribution === "independent" ? "contributor" : "independent";
  return ` MPI health contributions are at the rates ${HEALTH_PAYER[q.healthContribution]} pays${q.healthContribution === "independent" ? " (the default)" : ""}; ${HEALTH_PAYER[other]} pays ${other === "contributor" ? "less" : "more"} (health contribution "${other}").`;
}

/**
 * `"Key Grip - Local Hire" is read as Key Grip (kept: Local Hire). ` for a title placed by reading
 * it as a crew list writes it; the words taken off stay visible.
 */
export function describeTitleReading(typed: string, m: NameMatch<{ title: string }>): string {
  const kept = m.qualifiers.length ? ` (kept: ${m.qualifiers.join(", ")})` : "";
  // A local hire is what every line already is: priced where it shoots. Say so, not nothing.
  const local =
    hireOf(m.qualifiers) === "local"
      ? ` Local hire: priced on the agreement that covers ${m.value.title} in the line's region, as a line without the note is.`
      : "";
  return `${quoteInput(typed)} is read as ${m.value.title}${kept}.${local} `;
}

/** "IATSE Local 600 wage schedules 2024-27, p. 19 (published)" */
export function describeSource(source: Source, page?: number): string {
  const where = [source.section, page === undefined ? undefined : `p. ${page}`]
    .filter(Boolean)
    .join(", ");
  // The document first (who issued it, its title and number, the page), then where to read it.
  const doc = [
    source.publisher ? `${source.publisher}: ${source.title}` : source.title,
    source.docNumber ? `doc ${source.docNumber}` : undefined,
    where || undefined,
  ]
    .filter(Boolean)
    .join(", ");
  if (!source.address) return doc;
  // A repository's transcription is where we read the document, not the document: say so.
  const copy = COPY_HOSTS.some((host) => source.address?.startsWith(`https://${host}/`));
  return `${doc}${copy ? ", read from a copy" : ""} <${source.address}>`;
}

/** Hosts that hold copies of documents, not the documents' publishers. */
export const COPY_HOSTS: readonly string[] = ["github.com"];

/** Every source a quote rests on, without repeats: the rate's first, then each fringe's. */
export function quoteSources(q: Quote): string[] {
  const { basis } = q;
  const out = [
    describeSource(basis.source, basis.kind === "override" ? undefined : basis.period.page),
  ];
  for (const line of q.fringes) {
    const s = describeSource(line.source);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * For a line whose Agreement names a classification: that the producer chose it, which one, and
 * where the card would have put the role.
 */
function describeChoice(q: Quote): string {
  const { basis } = q;
  if (basis.kind === "override" || basis.chosen === undefined) return "";
  const own = q.role.scales.some(
    (ref) => ref.agreement === basis.book.id && ref.code === basis.classification.code,
  );
  const schedule = basis.chosenSchedule === undefined ? "" : `, schedule ${basis.chosenSchedule},`;
  return `The classification, ${basis.classification.title} (${basis.classification.code})${schedule} of the ${basis.book.name}, was chosen for this line (${quoteInput(basis.chosen)})${own ? ": it is one the card gives the role" : ", in place of the one the card gives the role"}.`;
}

/** One paragraph, in budget words, of how the quote was reached and on what it rests. */
export function explainQuote(q: Quote): string {
  const { basis } = q;
  const what = `${plural(q.quantity, q.unit)} of ${q.role.title} (${q.department.name}, account ${q.role.account})`;
  const terms = `${q.agreement.name}, ${q.region.name}, ${q.tier.name} tier, rates in force on ${q.date}`;
  const perUnit = `${formatUsd(q.unitRateCents)} per ${q.unit}`;
  let rate: string;
  if (basis.kind === "override") {
    const card =
      basis.cardRateCents === undefined
        ? ""
        : ` It replaces the card's ${formatUsd(basis.cardRateCents)}.`;
    rate = `${perUnit} is an override: ${basis.method}${card}`;
  } else if (basis.kind === "published") {
    rate = `${perUnit} is the published minimum for ${basis.classification.title} (occ. ${basis.classification.code}, schedule ${basis.schedule.label}, ${basis.period.from} to ${basis.period.to}) in ${describeSource(basis.source, basis.period.page)}.`;
  } else {
    rate = `${perUnit} is an estimate. ${basis.method ?? ""}`;
  }
  if (basis.kind !== "override" && basis.chosen !== undefined) rate += ` ${describeChoice(q)}`;
  const notes = q.notes.length ? ` ${q.notes.join(" ")}` : "";
  const fringeText = q.fringes.length
    ? ` Fringes ${formatUsd(q.fringeCents)}: ${q.fringes
        .map(
          (f) =>
            `${fringeLabel(f)} ${describeFringeRate(f)} = ${formatUsd(f.amountCents)}${f.kind === "estimate" ? " (estimate)" : ""}`,
        )
        .join("; ")}.${healthContributionText(q)}`
    : " No fringes apply.";
  const toDate =
    q.wagesToDateCents > 0
      ? ` Yearly wage caps count ${formatUsd(q.wagesToDateCents)} already paid to this person this year.`
      : "";
  return `${what} under ${terms}: ${rate}${notes} Subtotal ${formatUsd(q.subtotalCents)}.${fringeText}${toDate} Total ${formatUsd(q.totalCents)}.`;
}
