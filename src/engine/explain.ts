import { formatBps, formatUsd } from "./money";
import type { FringeLine, Quote, Source } from "./types";

function plural(n: number, unit: string): string {
  return `${Number(n.toFixed(4))} ${unit}${n === 1 ? "" : "s"}`;
}

/** "6.2% on $12,000.00 (yearly cap $184,500.00)" or "$7.55/hr × 430 hours". */
export function describeFringeRate(line: FringeLine): string {
  if (line.basis === "perHour") {
    return `${formatUsd(line.rate)}/hr × ${Number(line.appliedTo.toFixed(2))} hours`;
  }
  const cap = line.capCents === undefined ? "" : ` (yearly wage base ${formatUsd(line.capCents)})`;
  return `${formatBps(line.rate)} on ${formatUsd(line.appliedTo)}${cap}`;
}

/** "IATSE Local 600 wage schedules 2024-27, p. 19 (published)" */
export function describeSource(source: Source, page?: number): string {
  const where = [source.section, page === undefined ? undefined : `p. ${page}`]
    .filter(Boolean)
    .join(", ");
  return `${source.title}${where ? `, ${where}` : ""}${source.address ? ` <${source.address}>` : ""}`;
}

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
  const notes = q.notes.length ? ` ${q.notes.join(" ")}` : "";
  const fringeText = q.fringes.length
    ? ` Fringes ${formatUsd(q.fringeCents)}: ${q.fringes
        .map(
          (f) =>
            `${f.label} ${describeFringeRate(f)} = ${formatUsd(f.amountCents)}${f.kind === "estimate" ? " (estimate)" : ""}`,
        )
        .join("; ")}.`
    : " No fringes apply.";
  const toDate =
    q.wagesToDateCents > 0
      ? ` Yearly wage caps count ${formatUsd(q.wagesToDateCents)} already paid to this person this year.`
      : "";
  return `${what} under ${terms}: ${rate}${notes} Subtotal ${formatUsd(q.subtotalCents)}.${fringeText}${toDate} Total ${formatUsd(q.totalCents)}.`;
}
