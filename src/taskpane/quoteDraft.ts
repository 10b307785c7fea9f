/**
 * The crew line being drafted in the pane: what the producer has typed, and the quote request it
 * makes (through the budget's one crew-line rule, so the pane's number is the inserted line's).
 */
import {
  requestForLine,
  wagesToDate,
  type BudgetLine,
  type BudgetSettings,
  type Phase,
} from "../budget";
import {
  normalizeName,
  RateError,
  readAmount,
  type ExplainedQuote,
  type QuoteRequest,
  type Role,
  type Unit,
} from "../engine";

/** How the quantity is given: typed, or following a phase's weeks on the Settings sheet. */
export type QuantityMode = "number" | Phase;

/** What the producer has chosen in the form, as typed. */
export interface QuoteInputs {
  mode: QuantityMode;
  /** The typed quantity, kept as text so a half-typed number is not lost. */
  quantityText: string;
  unit: Unit;
  /**
   * Agreement name, a classification picked under Scale classification as the CREW argument
   * names it ("Local 728 #5411"), or "" for the role's customary agreement.
   */
  agreement: string;
  /** Region name, or undefined to follow the Region setting. */
  region: string | undefined;
  /** Tier name, or undefined to follow the Budget tier setting. */
  tier: string | undefined;
  person: string;
}

export type QuoteResult = { ok: true; quote: ExplainedQuote } | { ok: false; error: unknown };

/** The form's starting values for a role: its own unit, following the shoot when weekly. */
export function inputsFor(role: Role | undefined, previous?: QuoteInputs): QuoteInputs {
  return {
    mode: role?.unit === "week" ? "shoot" : "number",
    quantityText: "1",
    unit: role?.unit ?? "week",
    agreement: "",
    // Region and tier are choices about the production, not the role: they carry over.
    region: previous?.region,
    tier: previous?.tier,
    person: "",
  };
}

/**
 * The number typed in the form, read by the rule the sheet and the crew-list import use (plain
 * decimals: no 0x10, 1e3 or signs). @throws RateError BAD_QUANTITY when it is not such a number
 */
export function typedQuantity(text: string): number {
  const read = readAmount(text, { kind: "count" });
  if (!read.ok) throw new RateError("BAD_QUANTITY", { input: text });
  return read.value;
}

/**
 * The request the inserted line's formulas will make, with the wages already budgeted for the
 * same person on the sheet's lines (the new line goes below them).
 * @throws RateError BAD_QUANTITY when the typed quantity is not a number
 */
export function draftRequest(
  role: Role,
  inputs: QuoteInputs,
  settings: BudgetSettings,
  lines: readonly BudgetLine[] = [],
): QuoteRequest {
  const typed = inputs.mode === "number";
  return requestForLine(
    {
      role: role.title,
      quantity: inputs.mode === "number" ? typedQuantity(inputs.quantityText) : inputs.mode,
      // Phases follow a weeks setting, so they are budgeted by the week.
      unit: typed ? inputs.unit : "week",
      agreement: inputs.agreement,
      region: inputs.region,
      tier: inputs.tier,
    },
    settings,
    wagesToDate(lines, inputs.person),
  );
}

/** The card's name for a setting typed in the workbook ("LA" → "Los Angeles"), else as typed. */
export function canonicalName(
  items: readonly { id: string; name: string; aliases: readonly string[] }[],
  typed: string,
): string {
  const key = normalizeName(typed);
  const found = items.find((item) =>
    [item.id, item.name, ...item.aliases].some((spelling) => normalizeName(spelling) === key),
  );
  return found?.name ?? typed;
}
