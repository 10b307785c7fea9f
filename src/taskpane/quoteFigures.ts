/**
 * "How this is figured" as rows a producer can check with a calculator: the pay (rate × quantity),
 * then each fringe with its rate, what it was applied to and its cap, grouped as union benefits,
 * payroll taxes, insurance and fees; and the sources as short citations. Built from the engine's
 * structured quote, never from its prose explanation.
 */
import { formatBps, formatUsd, type FringeLine, type Quote, type Source } from "../engine";

/** One line of the table: what, at what rate, on what, capped where, for how much. */
export interface FigureRow {
  label: string;
  /** "$4,565.40/week", "6.2%", "$8.003/hr". */
  rate: string;
  /** What the rate is applied to: "8 weeks", "$36,523.20", "480 hrs". */
  base: string;
  /** The yearly wage base, "$184,500.00", for a fringe that has one. */
  cap: string | undefined;
  amountCents: number;
  isEstimate: boolean;
}

export interface FigureGroup {
  heading: string;
  rows: FigureRow[];
  totalCents: number;
}

export interface Citation {
  /** "2024-27 Local #600 Wage Schedules, Schedule #1, p. 19". */
  text: string;
  address: string | undefined;
}

export interface QuoteFigures {
  pay: FigureRow;
  groups: FigureGroup[];
  fringeCents: number;
  totalCents: number;
  /** What the rate rests on, in a sentence or two, and how pay hours were counted. */
  basis: string;
  notes: string[];
  sources: Citation[];
}

const GROUPS: readonly { category: FringeLine["category"]; heading: string }[] = [
  { category: "union", heading: "Union benefits" },
  { category: "tax", heading: "Payroll taxes" },
  { category: "insurance", heading: "Insurance" },
  { category: "fee", heading: "Fees" },
];

const exactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/** A rate at the precision it is multiplied at ($8.003, not $8.00), so each row multiplies out. */
function exactRate(cents: number): string {
  return exactUsd.format(cents / 100);
}

function count(n: number, unit: string): string {
  const shown = Number(n.toFixed(4));
  return `${shown.toLocaleString("en-US")} ${unit}${shown === 1 ? "" : "s"}`;
}

function fringeRow(line: FringeLine): FigureRow {
  const base =
    line.basis === "percent"
      ? formatUsd(line.appliedTo)
      : count(line.appliedTo, line.basis === "perHour" ? "hr" : "day");
  const rate =
    line.basis === "percent"
      ? formatBps(line.rate)
      : `${exactRate(line.rate)}/${line.basis === "perHour" ? "hr" : "day"}`;
  return {
    label: line.label,
    rate,
    base,
    cap: line.capCents === undefined ? undefined : formatUsd(line.capCents),
    amountCents: line.amountCents,
    isEstimate: line.kind === "estimate",
  };
}

/** "Title, section, p. 19": the document first, short enough for one line or two. */
export function citationOf(source: Source, page?: number): Citation {
  const text = [
    source.title,
    source.docNumber ? `doc ${source.docNumber}` : undefined,
    source.section,
    page === undefined ? undefined : `p. ${page}`,
  ]
    .filter(Boolean)
    .join(", ");
  return { text, address: source.address };
}

function basisOf(q: Quote): string {
  const { basis } = q;
  const per = q.unit === "flat" ? "flat" : `per ${q.unit}`;
  const hours =
    q.hoursPerDay !== undefined && q.unit !== "flat" && q.unit !== "hour"
      ? ` Priced at ${q.hoursPerDay}-hour days, ${q.daysPerWeek} days a week.`
      : "";
  if (basis.kind === "override") {
    const card =
      basis.cardRateCents === undefined
        ? ""
        : ` The card's rate would be ${formatUsd(basis.cardRateCents)} ${per}.`;
    return `${basis.method}${card}${hours}`;
  }
  const scale = `${basis.book.name}, ${basis.classification.title} (${basis.classification.code}), schedule ${basis.schedule.label}, ${basis.period.from} to ${basis.period.to}.`;
  if (basis.kind === "published") return `Published scale: ${scale}${hours}`;
  return `${basis.method ?? `Estimate from ${scale}`}${hours}`;
}

/** The quote as checkable rows, its basis in words and its sources without repeats. */
export function quoteFigures(q: Quote): QuoteFigures {
  const pay: FigureRow = {
    label: "Pay",
    rate:
      q.unit === "flat"
        ? `${exactRate(q.unitRateCents)} flat`
        : `${exactRate(q.unitRateCents)}/${q.unit}`,
    base: count(q.quantity, q.unit === "flat" ? "fee" : q.unit),
    cap: undefined,
    amountCents: q.subtotalCents,
    isEstimate: q.basis.kind === "estimate",
  };
  const groups: FigureGroup[] = [];
  for (const { category, heading } of GROUPS) {
    const lines = q.fringes.filter((f) => f.category === category);
    if (lines.length === 0) continue;
    const rows = lines.map(fringeRow);
    groups.push({ heading, rows, totalCents: rows.reduce((sum, r) => sum + r.amountCents, 0) });
  }

  const sources: Citation[] = [];
  const add = (c: Citation) => {
    if (!sources.some((s) => s.text === c.text && s.address === c.address)) sources.push(c);
  };
  add(citationOf(q.basis.source, q.basis.kind === "override" ? undefined : q.basis.period.page));
  for (const line of q.fringes) add(citationOf(line.source));

  const notes = [...q.notes];
  if (q.wagesToDateCents > 0) {
    notes.push(
      `Yearly wage caps count ${formatUsd(q.wagesToDateCents)} already budgeted for this person.`,
    );
  }
  return {
    pay,
    groups,
    fringeCents: q.fringeCents,
    totalCents: q.totalCents,
    basis: basisOf(q),
    notes,
    sources,
  };
}
